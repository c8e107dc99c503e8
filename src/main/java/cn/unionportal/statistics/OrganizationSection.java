package cn.unionportal.statistics;

import java.util.ArrayList;
import java.util.List;

import cn.unionportal.organization.OrganizationEvents;
import cn.unionportal.organization.OrganizationStatistics;
import cn.unionportal.organization.OrganizationType;
import org.springframework.stereotype.Component;

/**
 * The organizations section. The organization module sits below statistics (statistics uses its
 * scope kit), so it cannot implement the SPI itself: it publishes {@link OrganizationStatistics}
 * and this adapter turns it into a section.
 */
@Component
class OrganizationSection implements FigureSource {

	private static final EventOrganizations TOUCHED = EventOrganizations
		.of(OrganizationEvents.OrganizationCreated.class, e -> List.of(e.organizationId()))
		.and(OrganizationEvents.OrganizationDissolved.class, e -> List.of(e.organizationId()))
		.and(OrganizationEvents.OrganizationMoved.class, e -> java.util.Collections.singletonList(null));

	/** The recorded employees of the grassroots unions (organization module). */
	static final String EMPLOYEES = "organizations.employees";

	/** Members of the unions that recorded their employees (derived here, {@link Ratios#derive}). */
	static final String MEMBERS_WITH_EMPLOYEES = "membership.members";

	private final OrganizationStatistics organizations;

	OrganizationSection(OrganizationStatistics organizations) {
		this.organizations = organizations;
	}

	@Override
	public String section() {
		return "organizations";
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public List<Figure> figures() {
		List<Figure> figures = new ArrayList<>();
		figures.add(Figure.count("organizations.active." + OrganizationType.GRASSROOTS_UNION).asHeadline()
			.listedAt("/organizations/{org}"));
		for (OrganizationType type : OrganizationType.values()) {
			if (type != OrganizationType.GRASSROOTS_UNION) {
				figures.add(Figure.count("organizations.active." + type));
			}
		}
		figures.add(Figure.people(EMPLOYEES, null));
		figures.add(Figure.people(MEMBERS_WITH_EMPLOYEES, null));
		figures.add(Figure.rate("membership.rate").asHeadline());
		figures.add(Figure.count("organizations.founded"));
		figures.add(Figure.count("organizations.dissolved"));
		figures.add(Figure.count("organizations.affiliations"));
		return figures;
	}

	/**
	 * A new or dissolved organization changes its own figures; a move changes the sums of two
	 * branches of the tree (null: the whole tree is recomputed).
	 */
	@Override
	public java.util.Collection<Long> organizationsTouchedBy(Object event) {
		return TOUCHED.of(event);
	}

	@Override
	public OrganizationFigures compute(long top, StatisticsPeriod period) {
		OrganizationFigures figures = new OrganizationFigures();
		organizations.figures(top, period.start(), period.end())
			.forEach((key, byOrg) -> byOrg.forEach((org, value) -> figures.add(key, org, value)));
		return figures;
	}
}
