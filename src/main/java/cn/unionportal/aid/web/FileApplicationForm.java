package cn.unionportal.aid.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.unionportal.aid.files.FileApplication;
import cn.unionportal.aid.files.HardshipCause;
import cn.unionportal.aid.files.HardshipTier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A household's application. Relatives come as a fixed number of rows (no script needed); blank
 * rows are ignored.
 */
public class FileApplicationForm {

	static final int RELATIVE_ROWS = 6;

	@NotNull(message = "{validation.required}")
	private Long memberId;

	@NotNull(message = "{validation.required}")
	private HardshipTier tier;

	private Set<HardshipCause> causes = EnumSet.noneOf(HardshipCause.class);

	@Size(max = 2000, message = "{validation.size.max}")
	private String situation;

	@NotNull(message = "{validation.required}")
	@DecimalMin(value = "0", message = "{aid.file.error.amount}")
	@Digits(integer = 10, fraction = 2, message = "{aid.file.error.amount}")
	private BigDecimal workerIncome;

	@Valid
	private List<RelativeRow> relatives = new ArrayList<>();

	public FileApplicationForm() {
		while (relatives.size() < RELATIVE_ROWS) {
			relatives.add(new RelativeRow());
		}
	}

	FileApplication application() {
		return new FileApplication(memberId, tier, causes, situation, workerIncome,
				relatives.stream()
					.map(r -> new FileApplication.Relative(r.getName(), r.getRelation(), r.getAge(), r.getHealth(),
							r.getSchooling(), r.getIncome()))
					.toList());
	}

	/** One relative's row. */
	public static class RelativeRow {

		@Size(max = 50, message = "{validation.size.max}")
		private String name;

		@Size(max = 20, message = "{validation.size.max}")
		private String relation;

		@Min(value = 0, message = "{aid.file.error.age}")
		@Max(value = 130, message = "{aid.file.error.age}")
		private Integer age;

		@Size(max = 200, message = "{validation.size.max}")
		private String health;

		@Size(max = 30, message = "{validation.size.max}")
		private String schooling;

		@DecimalMin(value = "0", message = "{aid.file.error.amount}")
		@Digits(integer = 10, fraction = 2, message = "{aid.file.error.amount}")
		private BigDecimal income;

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getRelation() {
			return relation;
		}

		public void setRelation(String relation) {
			this.relation = relation;
		}

		public Integer getAge() {
			return age;
		}

		public void setAge(Integer age) {
			this.age = age;
		}

		public String getHealth() {
			return health;
		}

		public void setHealth(String health) {
			this.health = health;
		}

		public String getSchooling() {
			return schooling;
		}

		public void setSchooling(String schooling) {
			this.schooling = schooling;
		}

		public BigDecimal getIncome() {
			return income;
		}

		public void setIncome(BigDecimal income) {
			this.income = income;
		}
	}

	public Long getMemberId() {
		return memberId;
	}

	public void setMemberId(Long memberId) {
		this.memberId = memberId;
	}

	public HardshipTier getTier() {
		return tier;
	}

	public void setTier(HardshipTier tier) {
		this.tier = tier;
	}

	public Set<HardshipCause> getCauses() {
		return causes;
	}

	public void setCauses(Set<HardshipCause> causes) {
		this.causes = causes == null ? EnumSet.noneOf(HardshipCause.class) : causes;
	}

	public String getSituation() {
		return situation;
	}

	public void setSituation(String situation) {
		this.situation = situation;
	}

	public BigDecimal getWorkerIncome() {
		return workerIncome;
	}

	public void setWorkerIncome(BigDecimal workerIncome) {
		this.workerIncome = workerIncome;
	}

	public List<RelativeRow> getRelatives() {
		return relatives;
	}

	public void setRelatives(List<RelativeRow> relatives) {
		this.relatives = relatives;
	}
}
