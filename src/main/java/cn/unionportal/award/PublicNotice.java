package cn.unionportal.award;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.unionportal.organization.OrganizationManagement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The public notice (公示) of the campaigns whose notice runs today: read side, no sign-in. */
@Service
@Transactional(readOnly = true)
public class PublicNotice {

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final OrganizationManagement organizations;

	private final Clock clock;

	PublicNotice(JdbcClient jdbc, Campaigns campaigns, OrganizationManagement organizations, Clock clock) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.organizations = organizations;
		this.clock = clock;
	}

	/** The candidates on public notice today, with their organization and honour; no ID or phone. */
	public List<NoticeEntry> notice() {
		LocalDate today = LocalDate.now(clock);
		return campaigns.onNotice(today).stream().flatMap(c -> {
			List<NominationView> list = jdbc.sql("SELECT " + Nominations.COLUMNS
					+ " FROM nomination n WHERE n.campaign_id = :c AND n.status = 'ON_NOTICE' ORDER BY n.name_sort_key, n.id")
				.param("c", c.id()).query(Nominations::map).list();
			Map<Long, String> names = organizations.namesOf(list.stream().map(NominationView::organizationId).toList());
			return list.stream().map(n -> new NoticeEntry(n.id(), n.nomineeName(), names.get(n.organizationId()),
					c.kindName(), c.kindNameEn(), c.title(), n.deedsSummary(), c.noticeUntil()));
		}).toList();
	}
}
