package cn.unionportal.member;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The shared strings of a workbook, read with SAX and kept as UTF-8 bytes in one array with an
 * offset per string: about 20 bytes per ID number instead of about 70 for a {@code String} in a
 * list (POI's {@code ReadOnlySharedStringsTable}), so a 570,000-row file fits a small heap.
 * Formatting and phonetic runs are dropped; only the text is kept.
 */
final class CompactSharedStrings implements SharedStrings {

	private byte[] bytes = new byte[1 << 16];

	private int[] offsets = new int[1 << 12];

	private int count;

	private int length;

	static CompactSharedStrings read(InputStream in) throws IOException, SAXException {
		CompactSharedStrings strings = new CompactSharedStrings();
		try {
			XMLReader parser = XMLHelper.newXMLReader();
			parser.setContentHandler(strings.new Handler());
			parser.parse(new InputSource(in));
		}
		catch (ParserConfigurationException unavailable) {
			throw new IllegalStateException("no SAX parser", unavailable);
		}
		return strings;
	}

	static CompactSharedStrings empty() {
		return new CompactSharedStrings();
	}

	void add(String text) {
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
		if (length + utf8.length > bytes.length) {
			bytes = Arrays.copyOf(bytes, Math.max(bytes.length + (bytes.length >> 1), length + utf8.length));
		}
		if (count + 1 >= offsets.length) {
			offsets = Arrays.copyOf(offsets, offsets.length + (offsets.length >> 1));
		}
		System.arraycopy(utf8, 0, bytes, length, utf8.length);
		offsets[count] = length;
		length += utf8.length;
		count++;
		offsets[count] = length;
	}

	String get(int index) {
		if (index < 0 || index >= count) {
			return "";
		}
		return new String(bytes, offsets[index], offsets[index + 1] - offsets[index], StandardCharsets.UTF_8);
	}

	@Override
	public RichTextString getItemAt(int index) {
		return new PlainText(get(index));
	}

	@Override
	public int getCount() {
		return count;
	}

	@Override
	public int getUniqueCount() {
		return count;
	}

	/** Collects the text of each {@code <si>}, without phonetic runs ({@code <rPh>}). */
	private final class Handler extends DefaultHandler {

		private final StringBuilder text = new StringBuilder();

		private boolean inText;

		private boolean inPhonetic;

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			switch (name(localName, qName)) {
				case "si" -> text.setLength(0);
				case "rPh" -> inPhonetic = true;
				case "t" -> inText = !inPhonetic;
				default -> {
				}
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) {
			switch (name(localName, qName)) {
				case "si" -> add(text.toString());
				case "rPh" -> inPhonetic = false;
				case "t" -> inText = false;
				default -> {
				}
			}
		}

		@Override
		public void characters(char[] ch, int start, int count) {
			if (inText) {
				text.append(ch, start, count);
			}
		}
	}

	static String name(String localName, String qName) {
		if (localName != null && !localName.isEmpty()) {
			return localName;
		}
		int colon = qName.indexOf(':');
		return colon < 0 ? qName : qName.substring(colon + 1);
	}

	/** Just the text: the sheet handler only calls {@code toString()}. */
	private record PlainText(String text) implements RichTextString {

		@Override
		public String getString() {
			return text;
		}

		@Override
		public String toString() {
			return text;
		}

		@Override
		public int length() {
			return text.length();
		}

		@Override
		public int numFormattingRuns() {
			return 0;
		}

		@Override
		public int getIndexOfFormattingRun(int index) {
			return 0;
		}

		@Override
		public void applyFont(int startIndex, int endIndex, short fontIndex) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void applyFont(int startIndex, int endIndex, Font font) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void applyFont(Font font) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void clearFormatting() {
			throw new UnsupportedOperationException();
		}

		@Override
		public void applyFont(short fontIndex) {
			throw new UnsupportedOperationException();
		}
	}
}
