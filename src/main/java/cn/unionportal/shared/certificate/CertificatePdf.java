package cn.unionportal.shared.certificate;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import cn.unionportal.shared.web.PublicBaseUrl;
import cn.unionportal.shared.web.QrCodes;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a certificate as an A4 landscape PDF: a double frame, the heading, the holder, the body,
 * the issuer and date, and at the bottom left a QR code of the public verification address with the
 * code printed beneath it. The CJK font (WenQuanYi Micro Hei, Apache-2.0, in {@code fonts/}) is
 * embedded as a subset, so the text reads and extracts the same everywhere. Certificates are
 * official documents in Chinese: the fixed labels come from the zh-CN bundle.
 */
@Component
public class CertificatePdf {

	/** The embedded font (a TrueType collection; the first face). */
	public static final String FONT = "fonts/wqy-microhei.ttc";

	private static final Locale CERTIFICATE_LOCALE = Locale.SIMPLIFIED_CHINESE;

	private static final Color RED = new Color(0xB7, 0x1C, 0x1C);

	private final PublicBaseUrl baseUrl;

	private final MessageSource messages;

	private volatile BaseFont font;

	public CertificatePdf(PublicBaseUrl baseUrl, MessageSource messages) {
		this.baseUrl = baseUrl;
		this.messages = messages;
	}

	/** The address the QR code points to: the public verification page of this code. */
	public String verifyUrl(String code) {
		return baseUrl.value() + "/verify/" + code;
	}

	public byte[] render(CertificateContent content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4.rotate(), 60, 60, 50, 50);
		try {
			PdfWriter writer = PdfWriter.getInstance(document, out);
			document.addTitle(content.heading() + " · " + content.holder());
			document.addCreator("Union Portal");
			document.open();
			PdfContentByte canvas = writer.getDirectContent();
			Rectangle page = document.getPageSize();
			frame(canvas, page);
			BaseFont base = font();
			float width = page.getWidth();
			float y = page.getHeight() - 120;
			text(canvas, content.heading(), new Font(base, 40, Font.NORMAL, RED), width / 2, y, Element.ALIGN_CENTER);
			y -= 80;
			text(canvas, content.holder(), new Font(base, 28, Font.NORMAL, Color.BLACK), width / 2, y, Element.ALIGN_CENTER);
			y -= 50;
			Font body = new Font(base, 16, Font.NORMAL, Color.BLACK);
			for (String line : content.lines()) {
				text(canvas, line, body, width / 2, y, Element.ALIGN_CENTER);
				y -= 30;
			}
			Font small = new Font(base, 12, Font.NORMAL, Color.DARK_GRAY);
			text(canvas, content.issuer(), body, width - 110, 130, Element.ALIGN_RIGHT);
			text(canvas, content.issuedOn().format(DateTimeFormatter.ofPattern("yyyy年M月d日")), body, width - 110, 105,
					Element.ALIGN_RIGHT);
			Image qr = Image.getInstance(QrCodes.png(verifyUrl(content.code()), 240));
			qr.scaleAbsolute(90, 90);
			qr.setAbsolutePosition(75, 70);
			canvas.addImage(qr);
			text(canvas, label("certificate.pdf.code", CertificateCodes.display(content.code())), small, 175, 130,
					Element.ALIGN_LEFT);
			text(canvas, label("certificate.pdf.verifyAt", verifyUrl(content.code())), small, 175, 110, Element.ALIGN_LEFT);
			document.close();
		}
		catch (DocumentException | IOException ex) {
			throw new IllegalStateException("certificate could not be rendered", ex);
		}
		return out.toByteArray();
	}

	/** The embedded CJK font, loaded once, for other PDFs of the portal (reports) too. */
	public BaseFont font() {
		BaseFont loaded = font;
		if (loaded == null) {
			try (InputStream in = CertificatePdf.class.getClassLoader().getResourceAsStream(FONT)) {
				if (in == null) {
					throw new IllegalStateException(FONT + " is missing from the class path");
				}
				loaded = BaseFont.createFont("wqy-microhei.ttc,0", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
						in.readAllBytes(), null);
			}
			catch (IOException | DocumentException ex) {
				throw new IllegalStateException("the CJK font could not be loaded", ex);
			}
			font = loaded;
		}
		return loaded;
	}

	private String label(String key, String argument) {
		return messages.getMessage(key, new Object[] { argument }, CERTIFICATE_LOCALE);
	}

	private static void text(PdfContentByte canvas, String text, Font font, float x, float y, int alignment) {
		ColumnText.showTextAligned(canvas, alignment, new Phrase(text, font), x, y, 0);
	}

	private static void frame(PdfContentByte canvas, Rectangle page) {
		canvas.saveState();
		canvas.setColorStroke(RED);
		canvas.setLineWidth(4);
		canvas.rectangle(25, 25, page.getWidth() - 50, page.getHeight() - 50);
		canvas.stroke();
		canvas.setLineWidth(1);
		canvas.rectangle(35, 35, page.getWidth() - 70, page.getHeight() - 70);
		canvas.stroke();
		canvas.restoreState();
	}
}
