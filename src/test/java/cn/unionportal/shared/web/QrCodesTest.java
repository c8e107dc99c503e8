package cn.unionportal.shared.web;

import java.io.ByteArrayInputStream;
import java.util.Base64;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QrCodesTest {

	@Test
	void aRememberedCodeStillReadsAsItsOwnText() throws Exception {
		String first = QrCodes.pngDataUri("WH26000030010", 160);
		String other = QrCodes.pngDataUri("WH26000030028", 160);
		String again = QrCodes.pngDataUri("WH26000030010", 160);

		assertThat(again).isSameAs(first);
		assertThat(other).isNotEqualTo(first);
		assertThat(decode(again)).isEqualTo("WH26000030010");
		assertThat(decode(other)).isEqualTo("WH26000030028");
		assertThat(QrCodes.pngDataUri("WH26000030010", 200)).isNotEqualTo(first);
	}

	private static String decode(String dataUri) throws Exception {
		byte[] png = Base64.getDecoder().decode(dataUri.substring("data:image/png;base64,".length()));
		var image = ImageIO.read(new ByteArrayInputStream(png));
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		return new QRCodeReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))))
			.getText();
	}
}
