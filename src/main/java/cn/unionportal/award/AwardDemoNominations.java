package cn.unionportal.award;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.security.StaffRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The demo nominations: entered by a grassroots union with their deeds file and submitted. */
@Component
@Conditional(AwardDemoData.Enabled.class)
class AwardDemoNominations {

	private static final Logger LOG = LoggerFactory.getLogger(AwardDemoNominations.class);

	static final byte[] DEEDS_PDF = "%PDF-1.4\n% demo deeds\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	private final NominationManagement nominations;

	private final NominationFiles files;

	private final JdbcClient jdbc;

	private final Clock clock;

	AwardDemoNominations(NominationManagement nominations, NominationFiles files, JdbcClient jdbc, Clock clock) {
		this.nominations = nominations;
		this.files = files;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A nomination entered by the union and submitted; null when a rule refuses it (it stays a draft). */
	Long nominateAndSubmit(long campaign, AwardDemoData.Pick pick, NomineeCategory category) {
		CurrentUser union = actor("demo-union", pick.unionId());
		try {
			long n = nominations.nominate(union, campaign, new NominationData(pick.unionId(), pick.memberId(), null,
					category, "立足岗位二十余年，带领班组完成多项技术革新，累计创效逾百万元，多次获得本单位先进个人。",
					"本单位职代会决议（" + LocalDate.now(clock).getYear() + "）第 3 号", "在本单位公示栏公示 5 个工作日，无异议"));
			files.store(union, n, "DEEDS", "事迹材料.pdf", new ByteArrayResource(DEEDS_PDF));
			nominations.submit(union, n, nominationVersion(n));
			return n;
		}
		catch (RuleViolationException refused) {
			LOG.debug("Demo nomination of member {} not submitted: {}", pick.memberId(), refused.messageKey());
			return null;
		}
	}

	long nominationVersion(long nomination) {
		return jdbc.sql("SELECT version FROM nomination WHERE id = :id").param("id", nomination).query(Long.class).single();
	}

	static CurrentUser actor(String name, long organization) {
		return new CurrentUser(0, name, organization, Set.of(StaffRole.STAFF));
	}
}
