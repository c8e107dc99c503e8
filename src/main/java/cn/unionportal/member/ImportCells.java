package cn.unionportal.member;

import java.util.List;

/**
 * How an import keeps a refused row's values and the arguments of its reason: joined by the unit
 * separator, each cell cut to {@value #RAW_CELL_LIMIT} characters and the arguments to
 * {@value #ARGUMENTS_LIMIT} (the import writes them, the rejections report reads them back).
 */
final class ImportCells {

	private static final char SEPARATOR = '\u001F';

	private static final int RAW_CELL_LIMIT = 100;

	private static final int ARGUMENTS_LIMIT = 200;

	private ImportCells() {
	}

	/** The row's values as the file had them, joined (the caller encrypts them: they hold ID and phone numbers). */
	static String raw(String[] cells) {
		StringBuilder raw = new StringBuilder();
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				raw.append(SEPARATOR);
			}
			String cell = cells[i];
			raw.append(cell.length() > RAW_CELL_LIMIT ? cell.substring(0, RAW_CELL_LIMIT) : cell);
		}
		return raw.toString();
	}

	/** The stored raw values back as cells (indexed by column). */
	static String[] cells(String raw, int columns) {
		String[] cells = new String[columns];
		String[] parts = raw.split(String.valueOf(SEPARATOR), -1);
		for (int i = 0; i < columns; i++) {
			cells[i] = i < parts.length ? parts[i] : "";
		}
		return cells;
	}

	static String joinArguments(List<String> arguments) {
		if (arguments.isEmpty()) {
			return null;
		}
		String joined = String.join(String.valueOf(SEPARATOR), arguments);
		return joined.length() > ARGUMENTS_LIMIT ? joined.substring(0, ARGUMENTS_LIMIT) : joined;
	}

	static Object[] splitArguments(String joined) {
		return joined == null ? new Object[0] : joined.split(String.valueOf(SEPARATOR), -1);
	}
}
