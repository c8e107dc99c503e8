package cn.unionportal.member;

/**
 * Identity documents a member may register with. Validation rules live in
 * {@link IdentityDocuments#validate(DocumentType, String)}.
 */
public enum DocumentType {

	/** Mainland citizen identity card (居民身份证). */
	RESIDENT_ID,

	/** Residence permit for Hong Kong and Macao residents (港澳居民居住证), prefix 810000 / 820000. */
	HK_MACAO_RESIDENCE_PERMIT,

	/** Residence permit for Taiwan residents (台湾居民居住证), prefix 830000. */
	TAIWAN_RESIDENCE_PERMIT,

	/** Foreigner's permanent residence ID card (外国人永久居留身份证), 2017 or 2023 edition. */
	FOREIGN_PERMANENT_RESIDENCE
}
