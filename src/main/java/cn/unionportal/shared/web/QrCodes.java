package cn.unionportal.shared.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes as PNG data URIs (no external service, no extra request; the page's CSP allows
 * {@code data:} images).
 */
public final class QrCodes {

	/**
	 * Recently drawn data URIs (issue 13): {@code /me} draws the member's card code on every visit,
	 * 8 % of the page's CPU in a JFR profile under load. A QR code is a pure function of its text
	 * and size, so the last {@value #REMEMBERED} are kept (a few KB each).
	 */
	private static final int REMEMBERED = 2_000;

	private static final Map<String, String> RECENT = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
			return size() > REMEMBERED;
		}
	});

	private QrCodes() {
	}

	public static String pngDataUri(String text, int size) {
		String key = size + ":" + text;
		String uri = RECENT.get(key);
		if (uri == null) {
			uri = "data:image/png;base64," + Base64.getEncoder().encodeToString(png(text, size));
			RECENT.put(key, uri);
		}
		return uri;
	}

	/** A QR code of {@code text} as PNG bytes, {@code size} pixels square. */
	public static byte[] png(String text, int size) {
		try {
			BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
			BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
			for (int y = 0; y < matrix.getHeight(); y++) {
				for (int x = 0; x < matrix.getWidth(); x++) {
					image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
				}
			}
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			ImageIO.write(image, "png", png);
			return png.toByteArray();
		}
		catch (WriterException | IOException failure) {
			throw new UncheckedIOException(new IOException("QR code for " + text.length() + " characters", failure));
		}
	}
}
