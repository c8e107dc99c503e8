package cn.unionportal.award;

/** The clearance checklist of an enterprise head (tax, labour inspection, work safety, discipline). */
public enum ClearanceItem {
	TAX, LABOUR_INSPECTION, WORK_SAFETY, DISCIPLINE
}
