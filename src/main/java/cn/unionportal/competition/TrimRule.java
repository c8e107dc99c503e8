package cn.unionportal.competition;

/**
 * How a judgement aspect's marks become its score. AUTO (the default): drop the highest
 * and lowest mark and average the rest with 5 or more judges, else average all; ALWAYS trims with
 * 3 or more marks; NEVER averages all.
 */
public enum TrimRule {

	AUTO(5), ALWAYS(3), NEVER(Integer.MAX_VALUE);

	private final int trimFrom;

	TrimRule(int trimFrom) {
		this.trimFrom = trimFrom;
	}

	public boolean trims(int marks) {
		return marks >= trimFrom;
	}
}
