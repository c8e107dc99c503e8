package cn.unionportal.member;

import java.nio.charset.StandardCharsets;

import cn.unionportal.support.PostgresIntegrationTest;
import cn.unionportal.support.TestMembers;
import cn.unionportal.support.TestMembers.Registered;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the printable member card shows (issue 9, item 7): name, union and card number, never the
 * ID or mobile number; outside the scope the card is missing (404).
 */
class MemberCardPageTest extends PostgresIntegrationTest {

	@Test
	void theCardShowsTheMemberButNoPersonalNumbersAndIsMissingOutsideTheScope() throws Exception {
		long union = demo.org("大明国际控股有限公司威海分公司工会");
		Registered member = new TestMembers(mvc, jdbc, demo).register(union, "会员证", "wendeng");

		String card = mvc.perform(get("/members/{id}/card", member.id()).with(demo.as("wendeng")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(card).contains(member.name(), member.cardNumber(), "大明国际控股有限公司威海分公司工会");
		assertThat(card).doesNotContain(member.idNumber())
			.doesNotContain(member.idNumber().substring(0, 14))
			.doesNotContain(member.phone());

		mvc.perform(get("/members/{id}/card", member.id()).with(demo.as("huancui"))).andExpect(status().isNotFound());
	}
}
