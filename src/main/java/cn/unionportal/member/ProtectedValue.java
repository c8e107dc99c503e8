package cn.unionportal.member;

/**
 * A personal value as stored: AES-GCM cipher text, keyed lookup hash and masked copy.
 */
record ProtectedValue(String cipher, String hash, String masked) {
}
