package cn.unionportal.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import cn.unionportal.account.AccountManagement;
import cn.unionportal.aid.files.FileApplication;
import cn.unionportal.aid.files.HardshipCause;
import cn.unionportal.aid.files.HardshipFileApplications;
import cn.unionportal.aid.files.HardshipTier;
import cn.unionportal.member.MemberManagement;
import cn.unionportal.member.MemberManagement.RevealableField;
import cn.unionportal.member.MemberQuery;
import cn.unionportal.member.MemberStatus;
import cn.unionportal.member.MemberSummary;
import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.selfservice.SelfServiceManagement;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.security.StaffRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * What the load-test harness (src/load/java, docs/benchmarks.md "Load test") needs on a generated
 * or demo database: {@code count} members of the federation, picked evenly through the active
 * members in name order, each given a self-service account and an open hardship file (so the aid
 * work queues, the files and {@code /me/aid} have something to show), and {@code count} staff
 * accounts (role staff), alternately at the district federation above such a member and at the
 * member's own grassroots union. Everything through the modules' public services, so it is
 * encrypted, audited (the reveals of ID and mobile numbers too) and checked like any other change.
 * The known passwords and the real card and ID numbers go to two CSV feeders in {@code dir}:
 * {@code staff.csv} (a staff login with a surname, a card number, an ID number and a member id of
 * its own scope to search for and open) and {@code members.csv} (a member login). Running it again
 * adds nothing twice. For generated data only: it creates accounts with a known password.
 */
@Component
public class LoadTestData {

	/** Staff user names: {@code load-staff-001} … */
	static final String STAFF_PREFIX = "load-staff-";

	/** Common surnames of Weihai (the prefixes searched), rotated over the staff rows. */
	static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "于", "孙", "丛", "鞠", "姜", "陈");

	private static final Logger log = LoggerFactory.getLogger(LoadTestData.class);

	private final OrganizationManagement organizations;

	private final MemberManagement members;

	private final AccountManagement accounts;

	private final SelfServiceManagement selfService;

	private final HardshipFileApplications files;

	LoadTestData(OrganizationManagement organizations, MemberManagement members, AccountManagement accounts,
			SelfServiceManagement selfService, HardshipFileApplications files) {
		this.organizations = organizations;
		this.members = members;
		this.accounts = accounts;
		this.selfService = selfService;
		this.files = files;
	}

	/** What {@link #prepare} did. */
	public record Report(int staffCreated, int membersActivated, int filesOpened, Path staffFile, Path memberFile) {
	}

	/** Creates what is missing of the accounts and files, and writes both feeders. */
	public Report prepare(int count, String password, Path dir) {
		if (count < 1) {
			throw new IllegalArgumentException("the number of accounts must be at least 1");
		}
		CurrentUser system = CurrentUser.system(organizations.rootId());
		MemberQuery active = new MemberQuery(null, null, null, MemberStatus.ACTIVE, MemberQuery.Sort.NAME);
		long total = Math.min(members.search(system, active, PageRequest.of(0, 1)).getTotalElements(),
				MemberManagement.COUNT_LIMIT);
		if (total < count) {
			throw new IllegalStateException("only " + total + " active members, " + count + " wanted");
		}
		long stride = total / count;
		List<String> staffRows = new ArrayList<>(List.of("username,password,surname,card,idNumber,memberId"));
		List<String> memberRows = new ArrayList<>(List.of("login,password"));
		int staffCreated = 0;
		int activated = 0;
		int opened = 0;
		for (int i = 0; i < count; i++) {
			MemberSummary member = members.search(system, active, PageRequest.of((int) (i * stride), 1))
				.getContent()
				.get(0);
			String idNumber = members.reveal(system, member.id(), RevealableField.ID_NUMBER);
			String phone = members.reveal(system, member.id(), RevealableField.PHONE);
			if (activate(member.cardNumber(), idNumber, phone, password)) {
				activated++;
			}
			if (openFile(system, member.id())) {
				opened++;
			}
			memberRows.add(member.cardNumber() + "," + password);
			String username = STAFF_PREFIX + String.format(Locale.ROOT, "%03d", i + 1);
			long organizationId = i % 2 == 0
					? organizations.districtOf(member.organizationId()).orElse(member.organizationId())
					: member.organizationId();
			if (!accounts.exists(username)) {
				accounts.createInitialAccount(username, "压测工作人员 " + (i + 1), organizationId, Set.of(StaffRole.STAFF),
						password, false);
				staffCreated++;
			}
			staffRows.add(String.join(",", username, password, SURNAMES.get(i % SURNAMES.size()), member.cardNumber(),
					idNumber, Long.toString(member.id())));
		}
		Path staffFile = dir.resolve("staff.csv");
		Path memberFile = dir.resolve("members.csv");
		try {
			Files.createDirectories(dir);
			Files.write(staffFile, staffRows, StandardCharsets.UTF_8);
			Files.write(memberFile, memberRows, StandardCharsets.UTF_8);
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
		log.info("Load-test data: {} staff accounts and {} member accounts created, {} hardship files opened; feeders {}"
				+ " and {}", staffCreated, activated, opened, staffFile.toAbsolutePath(), memberFile.toAbsolutePath());
		return new Report(staffCreated, activated, opened, staffFile, memberFile);
	}

	/** Activates the member's self-service account; false when it exists already. */
	private boolean activate(String card, String idNumber, String phone, String password) {
		try {
			selfService.activate(new SelfServiceManagement.Activation(card, idNumber, phone, password, password),
					"load-test-setup");
			return true;
		}
		catch (RuleViolationException already) {
			if ("selfservice.activation.already".equals(already.messageKey())) {
				return false;
			}
			throw already;
		}
	}

	/** Opens a hardship file for the member; false when one is open already. */
	private boolean openFile(CurrentUser system, long memberId) {
		try {
			files.apply(system, new FileApplication(memberId, HardshipTier.RELATIVE, Set.of(HardshipCause.ILLNESS),
					"load test", new BigDecimal("800"), List.of()));
			return true;
		}
		catch (RuleViolationException already) {
			if ("aid.file.error.alreadyOpen".equals(already.messageKey())) {
				return false;
			}
			throw already;
		}
	}
}
