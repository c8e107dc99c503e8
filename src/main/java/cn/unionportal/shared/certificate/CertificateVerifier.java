package cn.unionportal.shared.certificate;

import java.util.Optional;

/**
 * Implemented by each module that issues certificates: the certificate with this (normalized)
 * code, if the module issued it and it is still valid to show. Revoked certificates answer with
 * {@link VerifiedCertificate#revoked()} set, so the page can say so.
 */
public interface CertificateVerifier {

	Optional<VerifiedCertificate> verify(String normalizedCode);
}
