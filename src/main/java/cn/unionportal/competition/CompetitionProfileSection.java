package cn.unionportal.competition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import cn.unionportal.member.MemberProfileSection;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The member profile shows the member's competitions: trade, rank, prize, titles and promotion
 * recommendation (ranks once the trade is locked and the results are public).
 */
@Component
class CompetitionProfileSection implements MemberProfileSection {

	private final CompetitionResults results;

	private final MessageSource messages;

	CompetitionProfileSection(CompetitionResults results, MessageSource messages) {
		this.results = results;
		this.messages = messages;
	}

	@Override
	public Optional<Section> sectionFor(CurrentUser user, long memberId) {
		List<CompetitionResults.MemberResult> mine = results.ofMember(memberId);
		if (mine.isEmpty()) {
			return Optional.empty();
		}
		Locale locale = LocaleContextHolder.getLocale();
		List<Line> lines = new ArrayList<>();
		for (CompetitionResults.MemberResult r : mine) {
			lines.add(new Line("competition.profile.entry", describe(r, messages, locale), false));
		}
		return Optional.of(new Section(30, "competition.profile.title", lines, List.of()));
	}

	/** "2025 威海市职工技能大赛 · 焊工 · 第 1 名 · 一等奖 · 威海市金牌职工 …" in the reader's language. */
	static String describe(CompetitionResults.MemberResult r, MessageSource messages, Locale locale) {
		StringBuilder text = new StringBuilder().append(r.year()).append(' ').append(r.competitionName()).append(" · ")
			.append(r.tradeName());
		if (r.rank() != null) {
			text.append(" · ").append(messages.getMessage("competition.profile.rank", new Object[] { r.rank() }, locale));
		}
		if (r.prize() != null) {
			text.append(" · ").append(messages.getMessage("competition.prize." + r.prize(), null, locale));
		}
		for (String title : r.titles()) {
			text.append(" · ").append(messages.getMessage("competition.title." + title, null, locale));
		}
		if (r.promotion()) {
			text.append(" · ").append(messages.getMessage("competition.promotion", null, locale));
		}
		return text.toString();
	}
}
