package cn.unionportal.competition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One link of a trade's tie-break chain (default: higher practical, less time, higher theory). */
public enum TieBreak {

	PRACTICAL, TIME, THEORY;

	public static final String DEFAULT = "PRACTICAL,TIME,THEORY";

	/** Parses a stored chain; unknown or repeated names are refused with an IllegalArgumentException. */
	public static List<TieBreak> parse(String chain) {
		List<TieBreak> links = new ArrayList<>();
		if (chain == null || chain.isBlank()) {
			return links;
		}
		for (String name : chain.split(",")) {
			TieBreak link = valueOf(name.strip().toUpperCase(Locale.ROOT));
			if (links.contains(link)) {
				throw new IllegalArgumentException("repeated tie break " + link);
			}
			links.add(link);
		}
		return links;
	}
}
