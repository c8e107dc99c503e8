package cn.unionportal.member;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Refused import rows show the typed birth date cut to its year, like every page (issue 8): the
 * date beside the masked number would leave about a hundred candidates.
 */
class RejectionReportMaskingTest {

	@ParameterizedTest
	@CsvSource({ "1990-05-15, 1990", "' 1990/5/15', 1990", "1990年5月15日, 1990", "1990, 1990", "19900515, ''",
			"32874, ''", "'', ''", "15.05.1990, ''" })
	void keepsOnlyTheYearOfATypedBirthDate(String typed, String shown) {
		assertThat(MemberImportReports.yearOnly(typed)).isEqualTo(shown);
	}
}
