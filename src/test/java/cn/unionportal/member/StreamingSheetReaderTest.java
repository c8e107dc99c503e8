package cn.unionportal.member;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.unionportal.member.MemberSheetFormat.Column;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading sheets with SAX: columns by header in any order, row numbers as Excel shows them,
 * dates and long numbers as text, blank rows skipped, damaged files recognized.
 */
class StreamingSheetReaderTest {

	@TempDir
	Path directory;

	@Test
	void readsRowsByHeaderWithExcelRowNumbers() throws Exception {
		List<String> headers = List.of("证件号码", "所属组织", "*姓名", "用工类型（必填）", "入会日期", "手机号码", "备注");
		Path file = write(ImportFiles.xlsx(headers, List.of(
				ImportFiles.row("11010519491231002X", 12345, "王伟", "在岗职工", LocalDate.of(2024, 3, 1), 13800138000L, "x"),
				ImportFiles.row(),
				ImportFiles.row("110105194912310021", "某工会", "李娜", null, "2024/3/1", "138-0013-8000", null))));
		StreamingSheetReader.Header header = StreamingSheetReader.readHeader(file);
		assertThat(header.missingRequired()).isEmpty();
		List<Integer> numbers = new ArrayList<>();
		List<String[]> rows = new ArrayList<>();
		StreamingSheetReader.read(file, header, (number, cells) -> {
			numbers.add(number);
			rows.add(cells.clone());
		});
		assertThat(numbers).containsExactly(2, 4);
		String[] first = rows.get(0);
		assertThat(first[Column.NAME.ordinal()]).isEqualTo("王伟");
		assertThat(first[Column.ID_NUMBER.ordinal()]).isEqualTo("11010519491231002X");
		assertThat(first[Column.ORGANIZATION.ordinal()]).isEqualTo("12345");
		assertThat(first[Column.JOIN_DATE.ordinal()]).isEqualTo("2024-03-01");
		assertThat(first[Column.PHONE.ordinal()]).isEqualTo("13800138000");
		assertThat(first[Column.GENDER.ordinal()]).isEmpty();
		assertThat(rows.get(1)[Column.EMPLOYMENT_TYPE.ordinal()]).isEmpty();
		assertThat(StreamingSheetReader.countDataRows(file)).as("from the dimension A1:G4, blank row included")
			.isEqualTo(3);
	}

	@Test
	void anIdNumberTypedAsANumberStaysRecognizablyDamaged() throws Exception {
		Path file = write(ImportFiles.xlsx(List.of(ImportFiles.row("王伟", null, null, 371002199001011234d))));
		List<String> ids = new ArrayList<>();
		StreamingSheetReader.read(file, StreamingSheetReader.readHeader(file),
				(number, cells) -> ids.add(cells[Column.ID_NUMBER.ordinal()]));
		assertThat(ids).singleElement().asString().contains("E");
	}

	@Test
	void reportsMissingHeaders() throws Exception {
		Path file = write(ImportFiles.xlsx(List.of("名字", "证件号码"), List.of()));
		assertThat(StreamingSheetReader.readHeader(file).missingRequired())
			.containsExactly(Column.NAME, Column.EMPLOYMENT_TYPE, Column.ORGANIZATION);
	}

	@Test
	void damagedFilesAreUnreadable() throws Exception {
		byte[] good = ImportFiles.xlsx(List.of());
		byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
		assertThatThrownBy(() -> StreamingSheetReader.readHeader(write(truncated)))
			.isInstanceOf(StreamingSheetReader.UnreadableException.class);
		assertThatThrownBy(() -> StreamingSheetReader.readHeader(write("not a workbook".getBytes())))
			.isInstanceOf(StreamingSheetReader.UnreadableException.class);
	}

	@Test
	void columnLetters() {
		assertThat(StreamingSheetReader.columnOf("A1")).isZero();
		assertThat(StreamingSheetReader.columnOf("Z9")).isEqualTo(25);
		assertThat(StreamingSheetReader.columnOf("AB12")).isEqualTo(27);
		assertThat(StreamingSheetReader.lastRow("A1:I570001")).isEqualTo(570_001);
		assertThat(StreamingSheetReader.lastRow("A1")).isEqualTo(1);
		assertThat(StreamingSheetReader.lastRow(null)).isZero();
	}

	private Path write(byte[] bytes) throws IOException {
		Path file = Files.createTempFile(directory, "sheet", ".xlsx");
		Files.write(file, bytes);
		return file;
	}
}
