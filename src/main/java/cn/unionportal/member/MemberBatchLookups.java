package cn.unionportal.member;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.Scope;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members looked up in bulk for other modules' imports (a competition's 10,000-row entry sheet):
 * one query per 1,000 card numbers instead of one a row, with the staff user's scope applied in
 * SQL. A card of another scope is absent, as an unknown one is. Masked values only.
 */
@Service
public class MemberBatchLookups {

	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;

	private final OrganizationManagement organizations;

	MemberBatchLookups(JdbcClient jdbc, OrganizationManagement organizations) {
		this.jdbc = jdbc;
		this.organizations = organizations;
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
					FROM member m WHERE m.card_number IN (:cards) AND m.organization_id""" + Scope.SUBTREE)
				.param("cards", cards.subList(from, Math.min(from + CHUNK, cards.size())))
				.param(Scope.PARAMETER, user.organizationId())
				.query((rs, n) -> new MemberView(rs.getLong("id"), rs.getString("name"),
						Gender.valueOf(rs.getString("gender")), DocumentType.valueOf(rs.getString("document_type")),
						rs.getString("id_number_masked"), rs.getInt("birth_year"), rs.getString("phone_masked"),
						EmploymentType.valueOf(rs.getString("employment_type")), rs.getLong("organization_id"), null,
						rs.getObject("join_date", java.time.LocalDate.class), MemberStatus.valueOf(rs.getString("status")),
						rs.getString("card_number"), rs.getLong("version")))
				.list());
		}
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
