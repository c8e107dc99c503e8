package cn.unionportal.award;

/** Whether a structure constraint is a floor or a ceiling. */
public enum Bound {
	AT_LEAST, AT_MOST
}
