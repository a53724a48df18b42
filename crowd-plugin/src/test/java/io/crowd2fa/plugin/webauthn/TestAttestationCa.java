package io.crowd2fa.plugin.webauthn;

import static io.crowd2fa.testing.Der.bool;
import static io.crowd2fa.testing.Der.integer;
import static io.crowd2fa.testing.Der.octetString;
import static io.crowd2fa.testing.Der.oid;
import static io.crowd2fa.testing.Der.printableString;
import static io.crowd2fa.testing.Der.sequence;
import static io.crowd2fa.testing.Der.set;
import static io.crowd2fa.testing.Der.tagged;
import static io.crowd2fa.testing.Der.utcTime;
import static io.crowd2fa.testing.Der.utf8String;

import io.crowd2fa.testing.Der;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A certificate authority made in the test, to attest software authenticators: a self-signed P-256
 * root that issues FIDO attestation certificates (WebAuthn §8.2.1 subject: C, O, OU "Authenticator
 * Attestation", CN; not a CA), encoded with shared-model's test {@link Der} writer.
 */
public final class TestAttestationCa {
  private static final String BASIC_CONSTRAINTS = "2.5.29.19";
  private static final String KEY_USAGE = "2.5.29.15";
  private static final AtomicLong SERIALS = new AtomicLong(1000);

  public final KeyPair keys;
  public final X509Certificate certificate;
  private final byte[] name;

  private TestAttestationCa(KeyPair keys, X509Certificate certificate, byte[] name) {
    this.keys = keys;
    this.certificate = certificate;
    this.name = name;
  }

  /** A root valid from {@code notBefore} to {@code notAfter}. */
  public static TestAttestationCa root(String commonName, Instant notBefore, Instant notAfter) {
    KeyPair keys = newKeyPair();
    byte[] name = name("SE", "Crowd2FA Test Vendor", null, commonName);
    byte[] extensions =
        sequence(
            extension(BASIC_CONSTRAINTS, true, sequence(bool(true))),
            // keyCertSign (bit 5) and cRLSign (bit 6)
            extension(KEY_USAGE, true, tagged(0x03, new byte[] {0x01, 0x06})));
    return new TestAttestationCa(
        keys, sign(keys, name, name, keys, notBefore, notAfter, extensions), name);
  }

  /** A root valid for years around the tests' clock (2026-11-28). */
  public static TestAttestationCa root(String commonName) {
    return root(
        commonName, Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2045-01-01T00:00:00Z"));
  }

  /** A batch attestation certificate for {@code subjectKeys}, as a vendor puts in its keys. */
  public X509Certificate attestationCertificate(KeyPair subjectKeys) {
    byte[] subject =
        name("SE", "Crowd2FA Test Vendor", "Authenticator Attestation", "Test Key Batch 1");
    byte[] extensions = sequence(extension(BASIC_CONSTRAINTS, true, sequence()));
    return sign(
        keys,
        name,
        subject,
        subjectKeys,
        Instant.parse("2021-01-01T00:00:00Z"),
        Instant.parse("2040-01-01T00:00:00Z"),
        extensions);
  }

  public static KeyPair newKeyPair() {
    return Der.p256KeyPair();
  }

  /** The PEM text of {@code certificates}, as an administrator's trust-roots file holds it. */
  public static String pem(X509Certificate... certificates) {
    StringBuilder pem = new StringBuilder();
    Base64.Encoder mime = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    for (X509Certificate certificate : certificates) {
      try {
        pem.append("-----BEGIN CERTIFICATE-----\n")
            .append(mime.encodeToString(certificate.getEncoded()))
            .append("\n-----END CERTIFICATE-----\n");
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
    return pem.toString();
  }

  private static X509Certificate sign(
      KeyPair issuerKeys,
      byte[] issuer,
      byte[] subject,
      KeyPair subjectKeys,
      Instant notBefore,
      Instant notAfter,
      byte[] extensions) {
    byte[] tbs =
        sequence(
            tagged(0xA0, integer(BigInteger.TWO)), // v3
            integer(BigInteger.valueOf(SERIALS.incrementAndGet())),
            sequence(oid(Der.ECDSA_WITH_SHA256)),
            issuer,
            sequence(utcTime(notBefore), utcTime(notAfter)),
            subject,
            subjectKeys.getPublic().getEncoded(),
            tagged(0xA3, extensions));
    return Der.certificate(tbs, issuerKeys.getPrivate());
  }

  private static byte[] name(String country, String organisation, String unit, String common) {
    return unit == null
        ? sequence(
            rdn("2.5.4.6", printableString(country)),
            rdn("2.5.4.10", utf8String(organisation)),
            rdn("2.5.4.3", utf8String(common)))
        : sequence(
            rdn("2.5.4.6", printableString(country)),
            rdn("2.5.4.10", utf8String(organisation)),
            rdn("2.5.4.11", utf8String(unit)),
            rdn("2.5.4.3", utf8String(common)));
  }

  private static byte[] rdn(String type, byte[] value) {
    return set(sequence(oid(type), value));
  }

  private static byte[] extension(String id, boolean critical, byte[] value) {
    return critical
        ? sequence(oid(id), bool(true), octetString(value))
        : sequence(oid(id), octetString(value));
  }
}
