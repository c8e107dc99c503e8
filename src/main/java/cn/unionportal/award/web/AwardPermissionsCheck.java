package cn.unionportal.award.web;

import cn.unionportal.shared.ForbiddenException;

/** A page the permissions class refused: 403. */
final class AwardPermissionsCheck {

	private AwardPermissionsCheck() {
	}

	static void require(boolean allowed) {
		if (!allowed) {
			throw new ForbiddenException("award");
		}
	}
}
