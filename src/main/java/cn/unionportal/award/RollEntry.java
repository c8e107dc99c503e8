package cn.unionportal.award;

/** A line of the public honour roll (光荣榜): the name masked when the holder asked not to be listed. */
public record RollEntry(long id, String name, boolean masked, String kindName, String kindNameEn, int year,
		String districtName, boolean collective) {

	public String kindLabel(java.util.Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? kindNameEn : kindName;
	}
}
