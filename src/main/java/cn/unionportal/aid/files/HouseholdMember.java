package cn.unionportal.aid.files;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A relative in the household. Health and income are stored encrypted and shown masked unless
 * revealed (audited).
 */
@Entity
@Table(name = "household_member")
public class HouseholdMember {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "file_id")
	private HardshipFile file;

	@Column(nullable = false)
	private int seq;

	@Column(nullable = false, length = 50)
	private String name;

	@Column(nullable = false, length = 20)
	private String relation;

	@Column(nullable = false)
	private int age;

	@Column(name = "health_cipher", length = 600)
	private String healthCipher;

	@Column(length = 30)
	private String schooling;

	@Column(name = "income_cipher", length = 200)
	private String incomeCipher;

	protected HouseholdMember() {
	}

	HouseholdMember(HardshipFile file, int seq, String name, String relation, int age, String healthCipher,
			String schooling, String incomeCipher) {
		this.file = file;
		this.seq = seq;
		this.name = name;
		this.relation = relation;
		this.age = age;
		this.healthCipher = healthCipher;
		this.schooling = schooling;
		this.incomeCipher = incomeCipher;
	}

	String getName() {
		return name;
	}

	String getRelation() {
		return relation;
	}

	int getAge() {
		return age;
	}

	String getHealthCipher() {
		return healthCipher;
	}

	String getSchooling() {
		return schooling;
	}

	String getIncomeCipher() {
		return incomeCipher;
	}
}
