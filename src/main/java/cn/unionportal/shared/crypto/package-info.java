/**
 * Encryption at rest for short personal data (identity document numbers, phone
 * numbers) and keyed lookup hashes that allow equality searches without
 * decrypting.
 *
 * <p>{@link cn.unionportal.shared.crypto.PersonalDataCipher} does the work;
 * {@link cn.unionportal.shared.crypto.DataKeys} loads or creates the master key.
 */
package cn.unionportal.shared.crypto;
