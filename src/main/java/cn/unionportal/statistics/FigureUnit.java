package cn.unionportal.statistics;

/**
 * How a figure is counted: a number of records or people, an amount in yuan (two decimals), or a
 * percentage of two other figures ({@link Ratios}: not stored, computed from their sums).
 */
public enum FigureUnit {
	COUNT, YUAN, PERCENT
}
