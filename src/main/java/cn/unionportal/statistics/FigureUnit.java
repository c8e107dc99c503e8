package cn.unionportal.statistics;

/** How a figure is counted: a number of records or people, or an amount in yuan (two decimals). */
public enum FigureUnit {
	COUNT, YUAN
}
