package cn.unionportal.competition;

import java.util.List;

/**
 * The tier of a competition; it decides which titles first place confers (seeds: the winner of
 * each trade of a municipal class I final is named 威海市金牌职工 and 威海市技术能手).
 */
public enum CompetitionTier {

	MUNICIPAL_CLASS_I(List.of("WEIHAI_GOLD_MEDAL_WORKER", "WEIHAI_TECHNICAL_EXPERT"), true),
	MUNICIPAL_CLASS_II(List.of("WEIHAI_TECHNICAL_EXPERT"), true),
	DISTRICT(List.of("DISTRICT_TECHNICAL_EXPERT"), false),
	INDUSTRY_CHAIN(List.of(), false),
	ENTERPRISE(List.of(), false);

	private final List<String> firstPlaceTitles;

	private final boolean recommendsPromotion;

	CompetitionTier(List<String> firstPlaceTitles, boolean recommendsPromotion) {
		this.firstPlaceTitles = firstPlaceTitles;
		this.recommendsPromotion = recommendsPromotion;
	}

	/** Honour codes conferred on an entry of the given rank (first place only; none otherwise). */
	public List<String> titlesFor(Integer rank) {
		return rank != null && rank == 1 ? firstPlaceTitles : List.of();
	}

	/** Whether first place is recommended for a skill-grade promotion (municipal tiers). */
	public boolean recommendsPromotion() {
		return recommendsPromotion;
	}
}
