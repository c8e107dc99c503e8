package cn.unionportal.member;

/**
 * A birth date as stored: the year in clear (statistics, the birth year on pages) and the full
 * date encrypted. Together with the masked document number, the full date would leave about a
 * hundred candidate numbers; the year alone leaves thousands (docs/architecture.md).
 */
record BirthDate(int year, String cipher) {
}
