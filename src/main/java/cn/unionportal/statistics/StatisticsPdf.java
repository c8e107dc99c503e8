package cn.unionportal.statistics;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.util.Locale;

import cn.unionportal.shared.certificate.CertificatePdf;
import cn.unionportal.statistics.StatisticsView.Line;
import cn.unionportal.statistics.StatisticsView.Report;
import cn.unionportal.statistics.StatisticsView.Section;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The PDF report of a scope and year (issue 12), with the portal's embedded CJK font (from the
 * certificates kit): the headline trend as a table (the charts' data), then one table per section
 * with this year, last year and the change, and the freeze state.
 */
@Component
public class StatisticsPdf {

	private final CertificatePdf certificates;

	private final MessageSource messages;

	StatisticsPdf(CertificatePdf certificates, MessageSource messages) {
		this.certificates = certificates;
		this.messages = messages;
	}

	public byte[] render(Report report) {
		Locale locale = LocaleContextHolder.getLocale();
		BaseFont base = certificates.font();
		Font title = new Font(base, 16, Font.NORMAL, new Color(0xB3, 0x13, 0x1B));
		Font heading = new Font(base, 12, Font.NORMAL, Color.BLACK);
		Font body = new Font(base, 9, Font.NORMAL, Color.BLACK);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 36, 36, 36, 36);
		PdfWriter.getInstance(document, out);
		document.open();
		document.add(new Paragraph(text("statistics.report.heading", locale, report.organizationName(),
				Integer.toString(report.year())), title));
		document.add(new Paragraph(text("statistics.period", locale, report.period().start().toString(),
				report.period().end().toString()), body));
		if (report.freeze().frozen()) {
			document.add(new Paragraph(text("statistics.frozen", locale, Integer.toString(report.year()),
					report.freeze().changedBy(), report.freeze().changedAt().toString()), body));
		}
		document.add(new Paragraph(text("statistics.trend.caption", locale), heading));
		PdfPTable trend = new PdfPTable(1 + report.trendYears().size());
		trend.setWidthPercentage(100);
		cell(trend, text("statistics.column.figure", locale), body, Element.ALIGN_LEFT);
		report.trendYears().forEach(y -> cell(trend, Integer.toString(y), body, Element.ALIGN_RIGHT));
		for (Line line : report.headlines()) {
			cell(trend, label(line, locale), body, Element.ALIGN_LEFT);
			line.trend().forEach(v -> cell(trend, format(line.figure(), v), body, Element.ALIGN_RIGHT));
		}
		document.add(trend);
		for (Section section : report.sections()) {
			document.add(new Paragraph(text("statistics.section." + section.key(), locale), heading));
			PdfPTable table = new PdfPTable(new float[] { 5, 2, 2, 2 });
			table.setWidthPercentage(100);
			cell(table, text("statistics.column.figure", locale), body, Element.ALIGN_LEFT);
			cell(table, Integer.toString(report.year()), body, Element.ALIGN_RIGHT);
			cell(table, Integer.toString(report.year() - 1), body, Element.ALIGN_RIGHT);
			cell(table, text("statistics.column.change", locale), body, Element.ALIGN_RIGHT);
			for (Line line : section.lines()) {
				cell(table, label(line, locale), body, Element.ALIGN_LEFT);
				cell(table, format(line.figure(), line.value()), body, Element.ALIGN_RIGHT);
				cell(table, format(line.figure(), line.previous()), body, Element.ALIGN_RIGHT);
				cell(table, format(line.figure(), line.change()), body, Element.ALIGN_RIGHT);
			}
			document.add(table);
		}
		document.close();
		return out.toByteArray();
	}

	private String label(Line line, Locale locale) {
		return text("statistics.figure." + line.figure().key(), locale);
	}

	private static void cell(PdfPTable table, String text, Font font, int alignment) {
		PdfPCell cell = new PdfPCell(new Phrase(text, font));
		cell.setHorizontalAlignment(alignment);
		table.addCell(cell);
	}

	static String format(Figure figure, BigDecimal value) {
		return new DecimalFormat(figure.unit() == FigureUnit.YUAN ? "#,##0.00"
				: figure.unit() == FigureUnit.PERCENT ? "0.0'%'" : "#,##0").format(value);
	}

	private String text(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, key, locale);
	}
}
