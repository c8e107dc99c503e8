package cn.unionportal.award;

import cn.unionportal.aid.files.PriorityHolders;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the aid module's priority list (劳模优先) in step with the register: a model worker's
 * conferral puts the member on it, the revocation of that honour takes them off. Runs after the
 * register's transaction commits, through the publication registry, so a delivery missed at a stop
 * is made at the next start; aid's writes are idempotent.
 *
 * <p>Here and not in aid because aid listening to award's events would close the module cycle
 * aid → award → selfservice → aid; award may use aid's published {@code files} interface.
 */
@Component
class AidPriorityRelay {

	private final PriorityHolders priorityHolders;

	AidPriorityRelay(PriorityHolders priorityHolders) {
		this.priorityHolders = priorityHolders;
	}

	@ApplicationModuleListener
	void on(HonourEvents.HonourConferred conferred) {
		conferred(conferred);
	}

	@ApplicationModuleListener
	void on(HonourEvents.HonourRevoked revoked) {
		revoked(revoked);
	}

	void conferred(HonourEvents.HonourConferred conferred) {
		if (conferred.memberId() != null && AwardRules.isModelWorker(conferred.kindCode())) {
			priorityHolders.honoured(conferred.honourId(), conferred.memberId(), conferred.kindCode(),
					conferred.conferredOn());
		}
	}

	void revoked(HonourEvents.HonourRevoked revoked) {
		priorityHolders.revoked(revoked.honourId());
	}
}
