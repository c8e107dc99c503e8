package cn.unionportal.demo;

import java.util.Locale;

/**
 * The named sizes of the data generator ({@code --portal.generate=demo|weihai}).
 */
public enum Scale {

	/**
	 * A few thousand members: the members the embedded demo adds to its hand-made hierarchy, or a
	 * small generated federation when the command runs on an empty database.
	 */
	DEMO(new FederationSize(8, 12, 6, 2, 60, 10, 3_000)),

	/**
	 * The size of the Weihai federation in the seed reports: 8 district-level federations, 72 towns
	 * and streets, 32 regional and industry federations, 10 industry chains, 4,747 grassroots unions
	 * and 570,000 members.
	 */
	WEIHAI(new FederationSize(8, 72, 32, 10, 4_747, 120, 570_000));

	private final FederationSize size;

	Scale(FederationSize size) {
		this.size = size;
	}

	public FederationSize size() {
		return size;
	}

	/** The scale with this name, case-insensitive ({@code demo}, {@code weihai}). */
	public static Scale parse(String name) {
		String wanted = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
		for (Scale scale : values()) {
			if (scale.name().equals(wanted)) {
				return scale;
			}
		}
		throw new IllegalArgumentException("unknown scale '" + name + "' (expected demo or weihai)");
	}
}
