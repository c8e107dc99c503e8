package cn.unionportal.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import cn.unionportal.member.MemberBatchWriter;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberQuery;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.OrganizationType;
import cn.unionportal.shared.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The data generator: a deterministic synthetic federation from a {@link FederationSize} (usually a
 * {@link Scale}) and a seed. Two ways in:
 * <ul>
 * <li>{@link #generate} builds a whole federation (hierarchy and members) under the municipal
 * federation of a fresh database: one without members whose root has no organizations under it;</li>
 * <li>{@link #populate} adds members to organizations that exist already (the embedded demo).</li>
 * </ul>
 * The hierarchy is written in one transaction, members in transactions of {@value #BATCH} rows
 * through {@link MemberBatchWriter} (encrypted, hashed and masked like any member). With the same
 * seed on a fresh database every name, ID number, organization id and card number comes out the same.
 */
@Component
public class SyntheticFederation {

	/** Members written per batch (and transaction). */
	public static final int BATCH = 5_000;

	private static final Logger log = LoggerFactory.getLogger(SyntheticFederation.class);

	private final OrganizationManagement organizations;

	private final MemberManagement members;

	private final MemberBatchWriter writer;

	private final HierarchyWriter hierarchy;

	private final TransactionTemplate transaction;

	SyntheticFederation(OrganizationManagement organizations, MemberManagement members, MemberBatchWriter writer,
			HierarchyWriter hierarchy, PlatformTransactionManager transactions) {
		this.organizations = organizations;
		this.members = members;
		this.writer = writer;
		this.hierarchy = hierarchy;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** What a run wrote and how long it took. */
	public record Report(Map<OrganizationType, Integer> organizations, int affiliations, int members,
			Duration hierarchyTime, Duration memberTime) {

		public Duration total() {
			return hierarchyTime.plus(memberTime);
		}

		/** Members written per second. */
		public double membersPerSecond() {
			return memberTime.isZero() ? 0 : members * 1_000.0 / memberTime.toMillis();
		}
	}

	/**
	 * Generates a whole federation under the municipal federation.
	 *
	 * @throws IllegalStateException if the database holds members or organizations under the root
	 */
	public Report generate(FederationSize size, long seed) {
		long rootId = organizations.rootId();
		CurrentUser system = CurrentUser.system(rootId);
		if (organizations.children(system, rootId, PageRequest.of(0, 1)).getTotalElements() > 0
				|| members.search(system, new MemberQuery(null, null, null, null, null), PageRequest.of(0, 1))
					.getTotalElements() > 0) {
			throw new IllegalStateException("the generator needs a fresh database: "
					+ "no organizations under the municipal federation and no members");
		}
		long started = System.nanoTime();
		FederationPlan plan = FederationPlanner.plan(size, seed);
		long[] ids = transaction.execute(status -> hierarchy.write(plan, rootId));
		Duration hierarchyTime = Duration.ofNanos(System.nanoTime() - started);
		log.info("Wrote {} organizations and {} affiliations in {} ms", plan.organizations().size(),
				plan.affiliations().size(), hierarchyTime.toMillis());

		started = System.nanoTime();
		int[] counts = plan.members();
		List<Long> homes = new ArrayList<>();
		List<Integer> homeCounts = new ArrayList<>();
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] > 0) {
				homes.add(ids[i]);
				homeCounts.add(counts[i]);
			}
		}
		int written = writeMembers(homes, homeCounts, seed);
		java.util.Set<Long> unions = new java.util.HashSet<>();
		for (int i = 0; i < ids.length; i++) {
			if (plan.organizations().get(i).type() == cn.unionportal.organization.OrganizationType.GRASSROOTS_UNION) {
				unions.add(ids[i]);
			}
		}
		recordEmployees(homes, homeCounts, unions, seed);
		Duration memberTime = Duration.ofNanos(System.nanoTime() - started);
		Report report = new Report(plan.countsByType(), plan.affiliations().size(), written, hierarchyTime, memberTime);
		log.info("Wrote {} members in {} ms ({} per second)", written, memberTime.toMillis(),
				Math.round(report.membersPerSecond()));
		return report;
	}

	/**
	 * Adds {@code count} members to the given member homes (grassroots unions, regional or industry
	 * federations, branches), spread unevenly over them in the same way as {@link #generate}.
	 *
	 * @return the number of members written
	 */
	public int populate(List<Long> memberHomes, int count, long seed) {
		return populate(memberHomes, java.util.Set.of(), count, seed);
	}

	/**
	 * As {@link #populate(List, int, long)}, and records each grassroots union's number of
	 * employees ({@code unions}: those among the homes) so that its membership rate lies between 80
	 * and 95%.
	 */
	public int populate(List<Long> memberHomes, java.util.Set<Long> unions, int count, long seed) {
		if (memberHomes.isEmpty() || count == 0) {
			return 0;
		}
		int[] spread = MemberAllocation.spread(MemberAllocation.powerLaw(memberHomes.size(), new SplittableRandom(seed)),
				count);
		List<Integer> counts = new ArrayList<>(spread.length);
		for (int c : spread) {
			counts.add(c);
		}
		int written = writeMembers(memberHomes, counts, seed);
		recordEmployees(memberHomes, counts, unions, seed);
		return written;
	}

	/** Employees = members / a rate drawn between 80 and 95% for each union with members. */
	private void recordEmployees(List<Long> homes, List<Integer> counts, java.util.Set<Long> unions, long seed) {
		SplittableRandom random = new SplittableRandom(seed ^ 0x5EED_E3L);
		java.util.Map<Long, Integer> employees = new java.util.HashMap<>();
		for (int h = 0; h < homes.size(); h++) {
			double rate = 0.80 + 0.15 * random.nextDouble();
			if (unions.contains(homes.get(h)) && counts.get(h) > 0) {
				employees.put(homes.get(h), (int) Math.max(counts.get(h), Math.round(counts.get(h) / rate)));
			}
		}
		if (!employees.isEmpty()) {
			transaction.executeWithoutResult(status -> hierarchy.employees(employees));
		}
	}

	private int writeMembers(List<Long> homes, List<Integer> counts, long seed) {
		SyntheticMembers people = new SyntheticMembers(seed);
		List<MemberBatchWriter.Row> batch = new ArrayList<>(BATCH);
		int written = 0;
		for (int h = 0; h < homes.size(); h++) {
			for (int n = 0; n < counts.get(h); n++) {
				batch.add(people.next(homes.get(h)));
				if (batch.size() == BATCH) {
					written += flush(batch);
					if (written % 50_000 == 0) {
						log.info("... {} members", written);
					}
				}
			}
		}
		written += flush(batch);
		if (people.duplicatesSkipped() > 0) {
			log.debug("Skipped {} repeated ID numbers", people.duplicatesSkipped());
		}
		return written;
	}

	private int flush(List<MemberBatchWriter.Row> batch) {
		int size = batch.size();
		writer.insert(batch);
		batch.clear();
		return size;
	}
}
