package io.crowd2fa.plugin.webauthn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A certificate authority made in the test, to attest software authenticators: a self-signed P-256
 * root that issues FIDO attestation certificates (WebAuthn §8.2.1 subject: C, O, OU "Authenticator
 * Attestation", CN; not a CA). Certificates are DER-encoded by hand here because the JDK has no
 * public certificate builder and the build must not run keytool or fetch one.
 */
public final class TestAttestationCa {
  private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
  private static final String BASIC_CONSTRAINTS = "2.5.29.19";
  private static final String KEY_USAGE = "2.5.29.15";
  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
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
        seq(
            extension(BASIC_CONSTRAINTS, true, seq(bool(true))),
            // keyCertSign (bit 5) and cRLSign (bit 6)
            extension(KEY_USAGE, true, tlv(0x03, new byte[] {0x01, 0x06})));
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
    byte[] extensions = seq(extension(BASIC_CONSTRAINTS, true, seq()));
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
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
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
    byte[] algorithm = seq(oid(ECDSA_WITH_SHA256));
    byte[] tbs =
        seq(
            tlv(0xA0, integer(BigInteger.TWO)), // v3
            integer(BigInteger.valueOf(SERIALS.incrementAndGet())),
            algorithm,
            issuer,
            seq(time(notBefore), time(notAfter)),
            subject,
            subjectKeys.getPublic().getEncoded(),
            tlv(0xA3, extensions));
    try {
      Signature signature = Signature.getInstance("SHA256withECDSA");
      signature.initSign(issuerKeys.getPrivate());
      signature.update(tbs);
      byte[] der = seq(tbs, algorithm, bitString(signature.sign()));
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] name(String country, String organisation, String unit, String common) {
    ByteArrayOutputStream rdns = new ByteArrayOutputStream();
    rdns.writeBytes(rdn("2.5.4.6", tlv(0x13, ascii(country))));
    rdns.writeBytes(rdn("2.5.4.10", tlv(0x0C, utf8(organisation))));
    if (unit != null) {
      rdns.writeBytes(rdn("2.5.4.11", tlv(0x0C, utf8(unit))));
    }
    rdns.writeBytes(rdn("2.5.4.3", tlv(0x0C, utf8(common))));
    return tlv(0x30, rdns.toByteArray());
  }

  private static byte[] rdn(String type, byte[] value) {
    return tlv(0x31, seq(oid(type), value));
  }

  private static byte[] extension(String id, boolean critical, byte[] value) {
    return critical ? seq(oid(id), bool(true), tlv(0x04, value)) : seq(oid(id), tlv(0x04, value));
  }

  private static byte[] time(Instant instant) {
    return tlv(0x17, ascii(UTC_TIME.format(instant)));
  }

  private static byte[] bool(boolean value) {
    return tlv(0x01, new byte[] {(byte) (value ? 0xFF : 0x00)});
  }

  private static byte[] integer(BigInteger value) {
    return tlv(0x02, value.toByteArray());
  }

  private static byte[] bitString(byte[] bytes) {
    byte[] content = new byte[bytes.length + 1];
    System.arraycopy(bytes, 0, content, 1, bytes.length);
    return tlv(0x03, content);
  }

  private static byte[] oid(String dotted) {
    String[] arcs = dotted.split("\\.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
    for (int i = 2; i < arcs.length; i++) {
      long arc = Long.parseLong(arcs[i]);
      int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(arc) + 6) / 7);
      for (int g = groups - 1; g >= 0; g--) {
        out.write((int) ((arc >> (7 * g)) & 0x7F) | (g > 0 ? 0x80 : 0));
      }
    }
    return tlv(0x06, out.toByteArray());
  }

  private static byte[] seq(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return tlv(0x30, out.toByteArray());
  }

  private static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else if (length < 0x100) {
      out.write(0x81);
      out.write(length);
    } else {
      out.write(0x82);
      out.write(length >> 8);
      out.write(length & 0xFF);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
