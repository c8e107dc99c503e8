package cn.unionportal.shared.certificate;

import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.unionportal.shared.limits.AttemptLimits;
import cn.unionportal.support.PostgresIntegrationTest;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The certificate kit: the PDF carries the text in an embedded CJK font and a QR code of the
 * verification address; the public page answers a known code with the masked holder and an
 * unknown one with one neutral message, and stops trawling.
 */
class CertificatesTest extends PostgresIntegrationTest {

	@Autowired
	CertificatePdf pdf;

	@Autowired
	AttemptLimits limits;

	@Test
	void theCertificateHoldsItsTextInAnEmbeddedFontAndAQrCodeOfTheVerificationAddress() throws Exception {
		String code = CertificateCodes.newCode();
		byte[] bytes = pdf.render(new CertificateContent("荣誉证书", "王建初",
				List.of("在2025年威海市职工职业技能大赛焊工决赛中获得第一名", "被授予“威海市金牌职工”称号"), "威海市总工会",
				LocalDate.of(2025, 11, 20), code));
		try (PDDocument document = Loader.loadPDF(bytes)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("荣誉证书", "王建初", "威海市金牌职工", "威海市总工会", "2025年11月20日",
					CertificateCodes.display(code));
			for (var name : document.getPage(0).getResources().getFontNames()) {
				PDFont font = document.getPage(0).getResources().getFont(name);
				assertThat(font.isEmbedded()).as(font.getName()).isTrue();
			}
			BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 150);
			int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
			String decoded = new MultiFormatReader()
				.decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))))
				.getText();
			assertThat(decoded).isEqualTo(PUBLIC_BASE_URL + "/verify/" + code);
		}
	}

	@Test
	void aKnownCodeShowsTheMaskedHolderAndTheFirstVerifierThatKnowsItWins() {
		VerifiedCertificate certificate = new VerifiedCertificate("王**", "威海市金牌职工", "2025年威海市职工职业技能大赛 · 焊工",
				"威海市总工会", LocalDate.of(2025, 11, 20), false);
		VerifyController controller = new VerifyController(
				List.of(code -> Optional.empty(), code -> code.equals("7KQ2M9XD4RTB") ? Optional.of(certificate) : Optional.empty()),
				limits, 30);
		ExtendedModelMap model = new ExtendedModelMap();
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThat(controller.verify("7kq2-m9xd-4rtb", new MockHttpServletRequest(), response, model)).isEqualTo("verify");
		assertThat(model.get("certificate")).isEqualTo(certificate);
		assertThat(model.get("code")).isEqualTo("7KQ2-M9XD-4RTB");
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
	}

	@Test
	void unknownAndMalformedCodesGetTheSameNeutralAnswerWithoutSigningIn() throws Exception {
		String unknown = mvc.perform(get("/verify/{code}", "7KQ3-M9XD-4RTB").with(address("10.77.0.1")))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("未查到与此验证码对应的证书")))
			.andExpect(content().string(not(containsString("verified-certificate"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String malformed = mvc.perform(get("/verify").param("code", "<script>").with(address("10.77.0.1")))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(malformed).contains("未查到与此验证码对应的证书").doesNotContain("<script>");
		assertThat(main(unknown).replace("value=\"7KQ3-M9XD-4RTB\"", "value=\"\"")).isEqualTo(main(malformed).replace("value=\"&lt;script&gt;\"", "value=\"\""));
		mvc.perform(get("/verify").with(address("10.77.0.1")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("证书查验")))
			.andExpect(content().string(not(containsString("未查到"))));
	}

	@Test
	void missesAreLimitedPerAddress() throws Exception {
		for (int i = 0; i < 30; i++) {
			mvc.perform(get("/verify/{code}", CertificateCodes.newCode()).with(address("10.77.0.2")))
				.andExpect(status().isNotFound());
		}
		mvc.perform(get("/verify/{code}", CertificateCodes.newCode()).with(address("10.77.0.2")))
			.andExpect(status().isTooManyRequests())
			.andExpect(content().string(containsString("查验次数过多")));
		mvc.perform(get("/verify/{code}", CertificateCodes.newCode()).with(address("10.77.0.3")))
			.andExpect(status().isNotFound());
	}

	private static String main(String page) {
		return page.substring(page.indexOf("<main"), page.indexOf("</main>"));
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor address(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}
}
