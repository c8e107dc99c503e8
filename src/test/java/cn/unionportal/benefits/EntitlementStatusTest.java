package cn.unionportal.benefits;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A granted entitlement expires by itself once its period is over; other statuses stay. */
class EntitlementStatusTest {

	private static final LocalDate UNTIL = LocalDate.of(2026, 6, 30);

	@Test
	void grantedIsExpiredFromTheDayAfterValidUntil() {
		assertThat(EntitlementStatus.GRANTED.effective(UNTIL, UNTIL)).isEqualTo(EntitlementStatus.GRANTED);
		assertThat(EntitlementStatus.GRANTED.effective(UNTIL, UNTIL.plusDays(1))).isEqualTo(EntitlementStatus.EXPIRED);
		assertThat(EntitlementStatus.GRANTED.effective(null, UNTIL.plusYears(10))).isEqualTo(EntitlementStatus.GRANTED);
	}

	@Test
	void usedAndRevokedStayWhatTheyAre() {
		assertThat(EntitlementStatus.USED.effective(UNTIL, UNTIL.plusDays(1))).isEqualTo(EntitlementStatus.USED);
		assertThat(EntitlementStatus.REVOKED.effective(UNTIL, UNTIL.plusDays(1))).isEqualTo(EntitlementStatus.REVOKED);
	}

	@Test
	void onlyGrantedEntitlementsChange() {
		assertThat(EntitlementStatus.GRANTED.mayChangeTo(EntitlementStatus.USED)).isTrue();
		assertThat(EntitlementStatus.GRANTED.mayChangeTo(EntitlementStatus.GRANTED)).isFalse();
		assertThat(EntitlementStatus.USED.mayChangeTo(EntitlementStatus.REVOKED)).isFalse();
	}
}
