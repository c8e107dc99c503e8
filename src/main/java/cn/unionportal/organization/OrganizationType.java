package cn.unionportal.organization;

import java.util.EnumSet;
import java.util.Set;

/**
 * Kinds of union organization and which kind may sit (territorially) under which. Table
 * {@code organization_type_rule} says the same; a test keeps the two in step.
 */
public enum OrganizationType {

	MUNICIPAL_FEDERATION,
	DISTRICT_FEDERATION,
	TOWNSHIP_UNION,
	REGIONAL_FEDERATION,
	INDUSTRY_FEDERATION,
	INDUSTRY_CHAIN_FEDERATION,
	GRASSROOTS_UNION,
	BRANCH;

	/** The types an organization of this type may have as direct children. */
	public Set<OrganizationType> allowedChildren() {
		return switch (this) {
			case MUNICIPAL_FEDERATION -> EnumSet.of(DISTRICT_FEDERATION, INDUSTRY_FEDERATION, INDUSTRY_CHAIN_FEDERATION,
					GRASSROOTS_UNION);
			case DISTRICT_FEDERATION -> EnumSet.of(TOWNSHIP_UNION, REGIONAL_FEDERATION, INDUSTRY_FEDERATION,
					INDUSTRY_CHAIN_FEDERATION, GRASSROOTS_UNION);
			case TOWNSHIP_UNION -> EnumSet.of(REGIONAL_FEDERATION, INDUSTRY_FEDERATION, GRASSROOTS_UNION);
			case REGIONAL_FEDERATION, INDUSTRY_FEDERATION -> EnumSet.of(GRASSROOTS_UNION, BRANCH);
			case GRASSROOTS_UNION -> EnumSet.of(BRANCH);
			case INDUSTRY_CHAIN_FEDERATION, BRANCH -> EnumSet.noneOf(OrganizationType.class);
		};
	}

	public boolean mayContain(OrganizationType child) {
		return allowedChildren().contains(child);
	}

	/** Enterprise unions carry the employer's unified social credit code. */
	public boolean isEnterprise() {
		return this == GRASSROOTS_UNION;
	}

	/**
	 * Members belong to grassroots unions and their branches, and directly to regional and
	 * industry federations that act as joint unions (联合工会) for small employers.
	 */
	public boolean isMemberHome() {
		return this == GRASSROOTS_UNION || this == BRANCH || this == REGIONAL_FEDERATION || this == INDUSTRY_FEDERATION;
	}

	/** Grassroots unions may additionally be affiliated with federations of these types. */
	public boolean isAffiliationTarget() {
		return this == INDUSTRY_FEDERATION || this == INDUSTRY_CHAIN_FEDERATION;
	}
}
