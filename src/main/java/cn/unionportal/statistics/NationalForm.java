package cn.unionportal.statistics;

import java.util.List;

/**
 * The indicators of the national federation's annual statistical report (工会统计年报) in the order
 * of its two forms, each mapped to the portal's figure that holds it, or to none: indicators the
 * portal does not hold are listed as such, never estimated. The wording is the portal's rendering
 * of the forms' indicators (zh; the English labels come from the bundle).
 */
final class NationalForm {

	/** One indicator: its form ("BASE" 基层工会调查表, "ABOVE" 基层以上工会调查表), number, message key and figure (or null). */
	record Indicator(String form, String number, String key, String figure) {
	}

	static final List<Indicator> INDICATORS = List.of(
			new Indicator("BASE", "1", "unitType", null),
			new Indicator("BASE", "2", "employees", "organizations.employees"),
			new Indicator("BASE", "3", "womenEmployees", null),
			new Indicator("BASE", "4", "migrantEmployees", null),
			new Indicator("BASE", "5", "members", "members.total"),
			new Indicator("BASE", "6", "womenMembers", "members.women"),
			new Indicator("BASE", "7", "migrantMembers", "members.employment.MIGRANT_WORKER"),
			new Indicator("BASE", "8", "newEmploymentMembers", "members.employment.NEW_EMPLOYMENT_FORM"),
			new Indicator("BASE", "9", "dispatchedMembers", "members.employment.DISPATCHED"),
			new Indicator("BASE", "10", "newMembers", "members.joined"),
			new Indicator("BASE", "11", "fullTimeStaff", null),
			new Indicator("BASE", "12", "partTimeStaff", null),
			new Indicator("BASE", "13", "jointCoveredUnits", null),
			new Indicator("BASE", "14", "jointCoveredMembers", null),
			new Indicator("ABOVE", "1", "grassrootsUnions", "organizations.active.GRASSROOTS_UNION"),
			new Indicator("ABOVE", "2", "jointUnions", null),
			new Indicator("ABOVE", "3", "townshipUnions", "organizations.active.TOWNSHIP_UNION"),
			new Indicator("ABOVE", "4", "regionalFederations", "organizations.active.REGIONAL_FEDERATION"),
			new Indicator("ABOVE", "5", "industryFederations", "organizations.active.INDUSTRY_FEDERATION"),
			new Indicator("ABOVE", "6", "members", "members.total"),
			new Indicator("ABOVE", "7", "womenMembers", "members.women"),
			new Indicator("ABOVE", "8", "migrantMembers", "members.employment.MIGRANT_WORKER"),
			new Indicator("ABOVE", "9", "newMembers", "members.joined"),
			new Indicator("ABOVE", "10", "newMigrantMembers", null),
			new Indicator("ABOVE", "11", "fullTimeStaff", null),
			new Indicator("ABOVE", "12", "hardshipFiles", "hardship.files.inEffect"),
			new Indicator("ABOVE", "13", "aidPersonTimes", "hardship.cases.total"),
			new Indicator("ABOVE", "14", "aidAmount", "hardship.paid.total"),
			new Indicator("ABOVE", "15", "studentsHelped", "hardship.cases.EDUCATION_GRANT"));

	private NationalForm() {
	}
}
