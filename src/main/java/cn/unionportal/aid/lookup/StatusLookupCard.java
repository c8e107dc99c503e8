package cn.unionportal.aid.lookup;

import cn.unionportal.aid.cases.AidKind;

/**
 * What the printable code card shows (一户一码): the code, whose it is (masked name, organization)
 * and, for a stand-alone case, its kind.
 *
 * @param code the normalized code (for the QR link)
 * @param displayCode the code as printed ({@code K7M2Q-X9PA3})
 * @param kind the case's kind, or {@code null} for a household file
 */
public record StatusLookupCard(String code, String displayCode, String maskedName, String organizationName,
		AidKind kind) {
}
