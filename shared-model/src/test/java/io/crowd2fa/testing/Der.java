package io.crowd2fa.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The few DER encodings tests need to make X.509 certificates in memory. The JDK has no public
 * certificate builder, and the build must neither run {@code keytool} nor add a certificate
 * library, so the HTTPS tests (shared-model) and the attestation tests (crowd-plugin) share this
 * writer (shared-model's test-jar).
 */
public final class Der {

  /** {@code ecdsa-with-SHA256}, the signature algorithm of every test certificate. */
  public static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";

  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

  private Der() {}

  /** A fresh P-256 key pair, as authenticators and the test servers use. */
  public static KeyPair p256KeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Signs the {@code TBSCertificate} with {@code issuerKey} (SHA256withECDSA) and parses the result
   * as the JDK would read it from a file.
   */
  public static X509Certificate certificate(byte[] tbsCertificate, PrivateKey issuerKey) {
    try {
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(issuerKey);
      signer.update(tbsCertificate);
      byte[] der =
          sequence(tbsCertificate, sequence(oid(ECDSA_WITH_SHA256)), bitString(signer.sign()));
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static byte[] sequence(byte[]... parts) {
    return tagged(0x30, concat(parts));
  }

  public static byte[] set(byte[]... parts) {
    return tagged(0x31, concat(parts));
  }

  public static byte[] integer(BigInteger value) {
    return tagged(0x02, value.toByteArray());
  }

  public static byte[] bool(boolean value) {
    return tagged(0x01, new byte[] {(byte) (value ? 0xFF : 0x00)});
  }

  /** A BIT STRING with no unused bits. */
  public static byte[] bitString(byte[] bits) {
    return tagged(0x03, concat(new byte[] {0}, bits));
  }

  public static byte[] octetString(byte[] content) {
    return tagged(0x04, content);
  }

  public static byte[] utf8String(String text) {
    return tagged(0x0C, text.getBytes(StandardCharsets.UTF_8));
  }

  public static byte[] printableString(String text) {
    return tagged(0x13, text.getBytes(StandardCharsets.US_ASCII));
  }

  /** UTCTime: enough for the years 1950 to 2049 that test certificates use. */
  public static byte[] utcTime(Instant instant) {
    return tagged(0x17, UTC_TIME.format(instant).getBytes(StandardCharsets.US_ASCII));
  }

  public static byte[] oid(String dotted) {
    String[] arcs = dotted.split("\\.");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
    for (int i = 2; i < arcs.length; i++) {
      long arc = Long.parseLong(arcs[i]);
      int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(arc) + 6) / 7);
      for (int group = groups - 1; group >= 0; group--) {
        int septet = (int) ((arc >>> (7 * group)) & 0x7F);
        out.write(group == 0 ? septet : septet | 0x80);
      }
    }
    return tagged(0x06, out.toByteArray());
  }

  /** One tag-length-value; {@code tag} carries class and constructed bit, e.g. 0xA3 for [3]. */
  public static byte[] tagged(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
