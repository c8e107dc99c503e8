package cn.unionportal.member;

import java.util.Optional;

import cn.unionportal.organization.DissolutionGuard;
import org.springframework.stereotype.Component;

/**
 * An organization with active members cannot be dissolved.
 */
@Component
class ActiveMembersGuard implements DissolutionGuard {

	private final MemberRepository members;

	ActiveMembersGuard(MemberRepository members) {
		this.members = members;
	}

	@Override
	public Optional<Refusal> check(long organizationId) {
		long active = members.countActiveAt(organizationId);
		return active == 0 ? Optional.empty() : Optional.of(new Refusal("organization.error.hasActiveMembers", active));
	}
}
