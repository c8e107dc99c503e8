package cn.unionportal.aid.cases;

/** Who approves a case: a district federation up to the yearly limit, the municipal federation above. */
public enum ApprovalLevel {
	DISTRICT, MUNICIPAL
}
