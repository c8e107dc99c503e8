package cn.unionportal.demo;

/**
 * How big a synthetic federation is: the number of organizations of each kind generated under the
 * municipal federation, and the number of members spread over their member homes.
 *
 * @param districts district and county-level federations (区/市总工会) under the root
 * @param towns township and street unions (镇街工会), spread over the districts
 * @param federations regional and industry federations (区域/行业工会联合会) under towns or districts
 * @param chains industry-chain federations (产业链工会联合会) under districts
 * @param grassroots grassroots (enterprise) unions (基层工会)
 * @param branches branches (分会) of federations and grassroots unions
 * @param members members, spread unevenly over grassroots unions, federations and branches
 */
public record FederationSize(int districts, int towns, int federations, int chains, int grassroots, int branches,
		int members) {

	public FederationSize {
		if (districts < 1 || towns < 0 || federations < 0 || chains < 0 || grassroots < 1 || branches < 0
				|| members < 0) {
			throw new IllegalArgumentException("a federation needs at least one district and one grassroots union");
		}
	}

	/** All organizations generated (the root not counted). */
	public int organizations() {
		return districts + towns + federations + chains + grassroots + branches;
	}
}
