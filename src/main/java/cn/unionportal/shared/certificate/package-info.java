/**
 * Certificates the portal issues (competition results, conferred honours): random verification
 * codes, the PDF with an embedded CJK font and a QR code, and the public {@code /verify/{code}}
 * page. Modules that issue certificates implement {@link cn.unionportal.shared.certificate.CertificateVerifier};
 * the page asks each of them and says nothing about codes none of them knows.
 */
package cn.unionportal.shared.certificate;
