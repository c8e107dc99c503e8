package cn.unionportal.statistics;

import cn.unionportal.shared.ForbiddenException;
import cn.unionportal.shared.security.CurrentUser;
import cn.unionportal.shared.security.StaffRole;
import org.springframework.stereotype.Component;

/**
 * Who may do what in the statistics module. Every staff role reads and exports the figures of its
 * own scope (the scope check comes first, in {@link StatisticsManagement}); only federation
 * administrators freeze, unfreeze and publish a year (the federation's official figures).
 */
@Component
public class StatisticsPermissions {

	public boolean mayFreeze(CurrentUser user) {
		return user.has(StaffRole.FEDERATION_ADMIN);
	}

	public boolean mayPublish(CurrentUser user) {
		return mayFreeze(user);
	}

	void requireFreeze(CurrentUser user) {
		if (!mayFreeze(user)) {
			throw new ForbiddenException("statistics.freeze");
		}
	}
}
