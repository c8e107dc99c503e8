package cn.unionportal.member;

import java.util.Arrays;

/**
 * The people already seen in one file, for duplicate rows: each normalized document number is
 * encoded exactly into a {@code long} (17 digits, or 3 letters and 12 digits) and kept in an
 * open-addressing table with the row it was first seen in, about 24 bytes per person.
 */
final class PersonKeys {

	private static final long EMPTY = Long.MIN_VALUE;

	private long[] keys = newKeys(1 << 12);

	private int[] rows = new int[1 << 12];

	private int size;

	/**
	 * The exact key of a normalized number: an 18-character number is determined by its first 17
	 * digits (the last one is their check character); a 15-character one is 3 letters and 12 digits.
	 */
	static long keyOf(String normalized) {
		if (normalized.length() == ResidentIdNumber.LENGTH) {
			return Long.parseLong(normalized.substring(0, ResidentIdNumber.LENGTH - 1));
		}
		long letters = 0;
		for (int i = 0; i < 3; i++) {
			letters = letters * 26 + (normalized.charAt(i) - 'A');
		}
		return -1 - (letters * 1_000_000_000_000L + Long.parseLong(normalized.substring(3)));
	}

	/** Remembers the person at the row; returns the row they were first seen in, or 0 when new. */
	int firstSeen(long key, int row) {
		if (size * 2 >= keys.length) {
			grow();
		}
		int slot = slot(keys, key);
		if (keys[slot] == key) {
			return rows[slot];
		}
		keys[slot] = key;
		rows[slot] = row;
		size++;
		return 0;
	}

	int size() {
		return size;
	}

	private static int slot(long[] table, long key) {
		int mask = table.length - 1;
		int slot = (int) (mix(key) & mask);
		while (table[slot] != EMPTY && table[slot] != key) {
			slot = (slot + 1) & mask;
		}
		return slot;
	}

	private static long mix(long key) {
		long h = key * 0x9E3779B97F4A7C15L;
		return h ^ (h >>> 32);
	}

	private void grow() {
		long[] oldKeys = keys;
		int[] oldRows = rows;
		keys = newKeys(oldKeys.length * 2);
		rows = new int[oldKeys.length * 2];
		for (int i = 0; i < oldKeys.length; i++) {
			if (oldKeys[i] != EMPTY) {
				int slot = slot(keys, oldKeys[i]);
				keys[slot] = oldKeys[i];
				rows[slot] = oldRows[i];
			}
		}
	}

	private static long[] newKeys(int capacity) {
		long[] table = new long[capacity];
		Arrays.fill(table, EMPTY);
		return table;
	}
}
