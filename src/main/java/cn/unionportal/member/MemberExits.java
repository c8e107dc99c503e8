package cn.unionportal.member;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code member_exit} (V23): the day a member left and the organization left from, written
 * in the transaction of the status change (a plain listener of the module's own event), removed
 * when the member becomes active again. The member table itself keeps only the status.
 */
@Component
class MemberExits {

	private final JdbcClient jdbc;

	MemberExits(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(MemberEvents.MemberStatusChanged changed) {
		jdbc.sql("DELETE FROM member_exit WHERE member_id = :member").param("member", changed.memberId()).update();
		if (changed.to() != MemberStatus.ACTIVE) {
			jdbc.sql("""
					INSERT INTO member_exit (member_id, organization_id, status, left_on)
					VALUES (:member, :organization, :status, :leftOn)""")
				.param("member", changed.memberId())
				.param("organization", changed.organizationId())
				.param("status", changed.to().name())
				.param("leftOn", changed.changedOn())
				.update();
		}
	}
}
