package cn.unionportal.member;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.Scope;
import cn.unionportal.organization.Scopes;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members looked up in bulk for other modules' imports (a competition's 10,000-row entry sheet):
 * one query per 1,000 card numbers (by the unique index) instead of one a row, then the staff
 * user's scope checked once per organization found. A card of another scope is absent, as an
 * unknown one is. Masked values only.
 */
@Service
public class MemberBatchLookups {

	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;

	private final OrganizationManagement organizations;

	private final Scopes scopes;

	MemberBatchLookups(JdbcClient jdbc, OrganizationManagement organizations, Scopes scopes) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.scopes = scopes;
	}

	/** The members of the user's scope holding these card numbers, by normalized card number. */
	@Transactional(readOnly = true)
	public Map<String, MemberView> byCardNumbers(CurrentUser user, Collection<String> cardNumbers) {
		List<String> cards = new ArrayList<>(new LinkedHashSet<>(cardNumbers.stream().map(CardNumbers::normalize).toList()));
		List<MemberView> found = new ArrayList<>();
		for (int from = 0; from < cards.size(); from += CHUNK) {
			found.addAll(jdbc.sql("""
					SELECT m.id, m.name, m.gender, m.document_type, m.id_number_masked, m.birth_year, m.phone_masked,
					       m.employment_type, m.organization_id, m.join_date, m.status, m.card_number, m.version
					FROM member m WHERE m.card_number IN (:cards)""")
				.param("cards", cards.subList(from, Math.min(from + CHUNK, cards.size())))
				.query((rs, n) -> new MemberView(rs.getLong("id"), rs.getString("name"),
						Gender.valueOf(rs.getString("gender")), DocumentType.valueOf(rs.getString("document_type")),
						rs.getString("id_number_masked"), rs.getInt("birth_year"), rs.getString("phone_masked"),
						EmploymentType.valueOf(rs.getString("employment_type")), rs.getLong("organization_id"), null,
						rs.getObject("join_date", java.time.LocalDate.class), MemberStatus.valueOf(rs.getString("status")),
						rs.getString("card_number"), rs.getLong("version")))
				.list());
		}
		// the scope, per organization found: in the same statement PostgreSQL's generic plan (a prepared
		// statement's sixth run) walked the whole subtree probing each organization for 1,000 cards
		Scope scope = scopes.of(user);
		found.removeIf(m -> !scope.contains(m.organizationId()));
		Map<Long, String> names = organizations.namesOf(found.stream().map(MemberView::organizationId).distinct().toList());
		Map<String, MemberView> byCard = new HashMap<>();
		for (MemberView m : found) {
			byCard.put(m.cardNumber(), new MemberView(m.id(), m.name(), m.gender(), m.documentType(), m.idNumberMasked(),
					m.birthYear(), m.phoneMasked(), m.employmentType(), m.organizationId(), names.get(m.organizationId()),
					m.joinDate(), m.status(), m.cardNumber(), m.version()));
		}
		return byCard;
	}
}
