package cn.unionportal.competition;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.unionportal.audit.AuditTrail;
import cn.unionportal.competition.CompetitionManagement.AspectView;
import cn.unionportal.competition.CompetitionManagement.CompetitionView;
import cn.unionportal.competition.CompetitionManagement.TradeView;
import cn.unionportal.competition.EntryImport.RowError;
import cn.unionportal.shared.RuleViolationException;
import cn.unionportal.shared.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Theory scores from an Excel sheet into the signed-in judge's own score sheet of one trade. The
 * header row names the columns: column A the contestant code (参赛编号), then one column per
 * theory aspect, headed with the aspect's name; a cell left empty gives no mark. Rows are checked
 * one by one (unknown or repeated code, conflict of interest, a mark that is no number or out of
 * range) and a refused row is listed while the others are saved. Refused as a whole: a file POI
 * cannot read or with a header naming no theory aspect of the trade, a signed sheet or locked
 * trade, a competition not in marking, and a sheet saved meanwhile (the upload form names the
 * version it was read at, as the mark form does).
 */
@Component
public class TheoryImport {

	/** At most this many rows per file (a trade's capacity is far below). */
	public static final int MAX_ROWS = 5_000;

	private final JdbcClient jdbc;

	private final CompetitionCatalogue catalogue;

	private final Judging judging;

	private final AuditTrail audit;

	TheoryImport(JdbcClient jdbc, CompetitionCatalogue catalogue, Judging judging, AuditTrail audit) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.judging = judging;
		this.audit = audit;
	}

	public record Result(int saved, List<RowError> errors) {
	}

	@Transactional
	public Result run(CurrentUser user, long tradeId, long sheetVersion, InputStream file) {
		Judging.JudgeView judge = judging.judgeOf(user);
		Judging.PanelSeat seat = judging.seatOf(judge, tradeId); // 404 for a trade the judge does not sit on
		TradeView trade = catalogue.trade(tradeId);
		CompetitionView c = catalogue.load(trade.competitionId());
		if (seat.signed() || trade.locked()) {
			throw new RuleViolationException(null, "competition.mark.error.locked");
		}
		if (!c.status().marking()) {
			throw new RuleViolationException(null, "competition.mark.error.notMarking");
		}
		List<AspectView> theory = catalogue.aspects(tradeId).stream().filter(AspectView::theory).toList();
		if (theory.isEmpty()) {
			throw new RuleViolationException("file", "competition.theory.error.noTheory");
		}
		List<ExcelRows.Line> lines = ExcelRows.read(file, MAX_ROWS, "competition.import.error.file");
		Map<Integer, AspectView> columns = columns(lines, theory);
		Map<String, Long> entries = new HashMap<>();
		jdbc.sql("SELECT id, contestant_code FROM competition_entry WHERE trade_id = :t AND status = 'ACTIVE'")
			.param("t", tradeId)
			.query(rs -> {
				entries.put(rs.getString(2), rs.getLong(1));
			});
		Map<Long, Set<Long>> organizations = judging.entryOrganizations(tradeId);
		Map<Long, Map<Long, BigDecimal>> marks = new LinkedHashMap<>();
		List<RowError> errors = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (ExcelRows.Line row : lines) {
			String code = row.cell(0).toUpperCase(java.util.Locale.ROOT);
			if (row.number() == 1 || code.isBlank()) {
				continue;
			}
			try {
				Long entry = entries.get(code);
				if (entry == null) {
					throw new RuleViolationException("file", "competition.theory.error.unknownCode", code);
				}
				if (!seen.add(code)) {
					throw new RuleViolationException("file", "competition.theory.error.repeatedCode", code);
				}
				if (Scoring.conflicted(judge.organizationId(), organizations.getOrDefault(entry, Set.of()))) {
					throw new RuleViolationException(null, "competition.mark.error.conflict");
				}
				Map<Long, BigDecimal> given = marksOf(row, columns);
				if (!given.isEmpty()) {
					marks.put(entry, given);
				}
			}
			catch (RuleViolationException refused) {
				errors.add(new RowError(row.number(), refused.messageKey(), refused.arguments()));
			}
		}
		judging.bumpSheet(tradeId, judge.id(), sheetVersion); // a stale upload form: ConflictException
		marks.forEach((entry, byAspect) -> byAspect.forEach((aspect, mark) -> judging.upsert(entry, aspect, judge.id(), mark)));
		audit.record(user.username(), "IMPORT_THEORY", CompetitionManagement.SUBJECT, c.id(), judge.organizationId(),
				trade.name() + ": " + marks.size() + " contestants, " + errors.size() + " rows refused");
		return new Result(marks.size(), errors);
	}

	/** Header cells B… by column index: each must be the name of a theory aspect of the trade. */
	private static Map<Integer, AspectView> columns(List<ExcelRows.Line> lines, List<AspectView> theory) {
		String names = theory.stream().map(AspectView::name).collect(Collectors.joining("、"));
		if (lines.isEmpty() || lines.get(0).number() != 1) {
			throw new RuleViolationException("file", "competition.theory.error.header", "", names);
		}
		Map<Integer, AspectView> columns = new LinkedHashMap<>();
		List<String> header = lines.get(0).cells();
		for (int i = 1; i < header.size(); i++) {
			String heading = header.get(i);
			if (heading.isBlank()) {
				continue;
			}
			AspectView aspect = theory.stream().filter(a -> a.name().equals(heading)).findFirst()
				.orElseThrow(() -> new RuleViolationException("file", "competition.theory.error.header", heading, names));
			columns.put(i, aspect);
		}
		if (columns.isEmpty()) {
			throw new RuleViolationException("file", "competition.theory.error.header", "", names);
		}
		return columns;
	}

	private static Map<Long, BigDecimal> marksOf(ExcelRows.Line row, Map<Integer, AspectView> columns) {
		Map<Long, BigDecimal> marks = new LinkedHashMap<>();
		for (var column : columns.entrySet()) {
			String text = row.cell(column.getKey());
			if (text.isBlank()) {
				continue;
			}
			AspectView aspect = column.getValue();
			BigDecimal mark;
			try {
				mark = new BigDecimal(text);
			}
			catch (NumberFormatException notANumber) {
				throw new RuleViolationException("marks", "competition.mark.error.number", text);
			}
			if (mark.signum() < 0 || mark.compareTo(aspect.maxMark()) > 0) {
				throw new RuleViolationException("marks", "competition.mark.error.range", aspect.name(), aspect.maxMark());
			}
			marks.put(aspect.id(), mark);
		}
		return marks;
	}
}
