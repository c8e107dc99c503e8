package cn.unionportal.aid.files;

/** How deep a household's hardship is: deep (深度困难), relative (相对困难), sudden (意外致困). */
public enum HardshipTier {
	DEEP, RELATIVE, SUDDEN
}
