package cn.unionportal.award;

import cn.unionportal.benefits.BenefitsManagement;
import cn.unionportal.benefits.EntitlementData;
import cn.unionportal.benefits.EntitlementKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The entitlements an honour carries (benefits module, source AWARD): granted when the honour is
 * recorded, linked to it, and ended when it is revoked.
 */
@Component
class HonourEntitlements {

	private final JdbcClient jdbc;

	private final BenefitsManagement benefits;

	HonourEntitlements(JdbcClient jdbc, BenefitsManagement benefits) {
		this.jdbc = jdbc;
		this.benefits = benefits;
	}

	/** A yearly health check and recuperation leave, as the kind carries them. */
	void grant(long honourId, HonourEntry entry, HonourKindView kind, String actor) {
		if (kind.healthCheck()) {
			link(honourId, benefits.grantForAward(entry.memberId(), new EntitlementData(EntitlementKind.HEALTH_CHECK,
					Texts.summary(kind.name() + "：每年免费健康体检", 200), entry.conferredOn(), null), actor));
		}
		if (kind.recuperationLeave()) {
			link(honourId, benefits.grantForAward(entry.memberId(), new EntitlementData(EntitlementKind.RECUPERATION_LEAVE,
					Texts.summary(kind.name() + "：疗休养", 200), entry.conferredOn(), entry.conferredOn().plusYears(1)),
					actor));
		}
	}

	/** Ends every entitlement the honour granted. */
	void end(long honourId, String actor) {
		jdbc.sql("SELECT entitlement_id FROM honour_entitlement WHERE honour_id = :id").param("id", honourId)
			.query(Long.class).list().forEach(e -> benefits.endAwardEntitlement(e, actor));
	}

	private void link(long honourId, long entitlementId) {
		jdbc.sql("INSERT INTO honour_entitlement (honour_id, entitlement_id) VALUES (:h, :e)")
			.param("h", honourId).param("e", entitlementId).update();
	}
}
