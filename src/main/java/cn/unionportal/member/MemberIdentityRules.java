package cn.unionportal.member;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import cn.unionportal.organization.OrganizationManagement;
import cn.unionportal.organization.Scope;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The rules a member's identity meets before it is written through the form: a valid document
 * number whose birth date and gender agree with the typed ones, a mobile number, a member home in
 * the user's scope, and one active membership per person. Breaches answer
 * {@link RuleViolationException} on the field concerned.
 */
@Component
class MemberIdentityRules {

	/** A checked identity, protected for storage. */
	record Identity(ProtectedValue protectedValue, String hash, BirthDate birthDate, Gender gender) {
	}

	private final PersonalData personalData;

	private final MemberRepository members;

	private final OrganizationManagement organizations;

	private final MemberExactSearches exactSearches;

	private final Clock clock;

	MemberIdentityRules(PersonalData personalData, MemberRepository members, OrganizationManagement organizations,
			MemberExactSearches exactSearches, Clock clock) {
		this.personalData = personalData;
		this.members = members;
		this.organizations = organizations;
		this.exactSearches = exactSearches;
		this.clock = clock;
	}

	/** The organization, if it is an active member home in the user's scope. */
	void requireHome(CurrentUser user, Long organizationId) {
		requireField(organizationId, "organizationId");
		organizations.requireMemberHome(user, organizationId, "organizationId");
	}

	/**
	 * The data of an edit with the fields left blank on the form filled from the stored record:
	 * the ID and phone numbers and a foreign permit's birth date are never sent to the browser.
	 */
	MemberData withStoredValues(Member member, MemberData data) {
		boolean keepId = data.idNumber() == null || data.idNumber().isBlank();
		boolean keepPhone = data.phone() == null || data.phone().isBlank();
		boolean keepBirthDate = data.birthDate() == null && data.documentType() == DocumentType.FOREIGN_PERMANENT_RESIDENCE
				&& member.getDocumentType() == DocumentType.FOREIGN_PERMANENT_RESIDENCE;
		LocalDate birthDate = keepBirthDate ? personalData.reveal(member.getBirthDate()) : data.birthDate();
		return new MemberData(data.name(), data.gender(), data.documentType(),
				keepId ? personalData.decrypt(member.getIdNumberCipher()) : data.idNumber(), birthDate,
				keepPhone ? personalData.decrypt(member.getPhoneCipher()) : data.phone(), data.employmentType(),
				data.organizationId(), data.joinDate());
	}

	/** Validates the document number and derives (and checks) birth date and gender from it. */
	Identity checkIdentity(MemberData data) {
		if (data.name() == null || data.name().isBlank()) {
			throw new RuleViolationException("name", "validation.required");
		}
		requireField(data.documentType(), "documentType");
		requireField(data.employmentType(), "employmentType");
		if (data.idNumber() == null || data.idNumber().isBlank()) {
			throw new RuleViolationException("idNumber", "validation.required");
		}
		String normalized;
		try {
			normalized = IdentityDocuments.validate(data.documentType(), data.idNumber());
		}
		catch (InvalidIdNumberException invalid) {
			throw new RuleViolationException("idNumber", "member.error.idNumber." + invalid.reason());
		}
		LocalDate birthDate = data.birthDate();
		Gender gender = data.gender();
		if (data.documentType() != DocumentType.FOREIGN_PERMANENT_RESIDENCE) {
			ResidentIdNumber id = ResidentIdNumber.parse(normalized);
			if (birthDate != null && !birthDate.equals(id.birthDate())) {
				throw new RuleViolationException("birthDate", "member.error.birthDateMismatch");
			}
			if (gender != null && gender != id.gender()) {
				throw new RuleViolationException("gender", "member.error.genderMismatch");
			}
			birthDate = id.birthDate();
			gender = id.gender();
		}
		requireField(birthDate, "birthDate");
		requireField(gender, "gender");
		if (birthDate.isAfter(LocalDate.now(clock))) {
			throw new RuleViolationException("birthDate", "validation.date.notFuture");
		}
		ProtectedValue value = personalData.protectIdNumber(normalized);
		return new Identity(value, value.hash(), personalData.protectBirthDate(birthDate), gender);
	}

	/** The mobile number normalized and protected, or {@code null} for none. */
	ProtectedValue protectPhone(String phone) {
		String normalized = PersonalData.normalizePhone(phone);
		if (normalized != null && !PersonalData.isMobile(normalized)) {
			throw new RuleViolationException("phone", "member.error.phone");
		}
		return personalData.protectPhone(normalized);
	}

	/**
	 * Refuses a number already held by another active member. Saying so answers "is this number
	 * registered?", so a hit counts as an exact search of the user (limited and audited like one):
	 * otherwise the form would complete masked numbers as the search would.
	 *
	 * @param typedMasked the typed number masked, or {@code null} when it is the member's own
	 */
	void rejectDuplicate(CurrentUser user, String idHash, Long self, String typedMasked) {
		Optional<Member> existing = members.findActiveByIdHash(idHash).filter(m -> !m.getId().equals(self));
		if (existing.isPresent()) {
			if (typedMasked != null) {
				exactSearches.admit(user, new MemberSearchSql.Exact("SEARCH_ID_NUMBER", typedMasked),
						user.organizationId(), "idNumber");
			}
			Scope scope = organizations.scopeOf(user);
			if (scope.contains(existing.get().getOrganizationId())) {
				String name = scope.name(existing.get().getOrganizationId());
				throw new RuleViolationException("idNumber", "member.error.duplicateInScope", name,
						existing.get().getCardNumber());
			}
			throw new RuleViolationException("idNumber", "member.error.duplicateElsewhere");
		}
	}

	static void requireField(Object value, String field) {
		if (value == null) {
			throw new RuleViolationException(field, "validation.required");
		}
	}
}
