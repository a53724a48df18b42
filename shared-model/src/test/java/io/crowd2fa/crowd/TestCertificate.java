package io.crowd2fa.crowd;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed EC P-256 server certificate made in memory with JDK APIs only (a minimal DER writer
 * and {@link Signature}), so HTTPS tests need neither a keystore file nor a certificate library.
 * The client side trusts exactly this certificate and nothing else.
 */
final class TestCertificate {

  private static final char[] NO_PASSWORD = "test".toCharArray();
  private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
  private static final String COMMON_NAME = "2.5.4.3";
  private static final String SUBJECT_ALT_NAME = "2.5.29.17";

  private final X509Certificate certificate;
  private final PrivateKey key;

  private TestCertificate(X509Certificate certificate, PrivateKey key) {
    this.certificate = certificate;
    this.key = key;
  }

  /** A certificate for {@code dnsName} (subject CN and the one subjectAltName). */
  static TestCertificate forHost(String dnsName) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    byte[] algorithm = sequence(oid(ECDSA_WITH_SHA256));
    byte[] name =
        sequence(set(sequence(oid(COMMON_NAME), tagged(0x0C, utf8(dnsName))))); // UTF8String
    byte[] subjectAltName = sequence(tagged(0x82, utf8(dnsName))); // [2] IMPLICIT dNSName
    byte[] tbs =
        sequence(
            tagged(0xA0, integer(BigInteger.TWO)), // [0] EXPLICIT version: v3
            integer(BigInteger.ONE), // serial
            algorithm,
            name,
            // Fixed window (UTCTime reaches 2049): the test does not depend on the wall clock.
            sequence(tagged(0x17, ascii("200101000000Z")), tagged(0x17, ascii("491231235959Z"))),
            name,
            keys.getPublic().getEncoded(),
            tagged(
                0xA3, // [3] EXPLICIT extensions
                sequence(sequence(oid(SUBJECT_ALT_NAME), tagged(0x04, subjectAltName)))));
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(keys.getPrivate());
    signer.update(tbs);
    byte[] signature = signer.sign();
    byte[] der = sequence(tbs, algorithm, bitString(signature));
    X509Certificate certificate =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(der));
    certificate.verify(keys.getPublic());
    return new TestCertificate(certificate, keys.getPrivate());
  }

  X509Certificate certificate() {
    return certificate;
  }

  /** What the HTTPS server presents. */
  SSLContext serverContext() throws GeneralSecurityException {
    KeyStore store = emptyStore();
    store.setKeyEntry("server", key, NO_PASSWORD, new Certificate[] {certificate});
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, NO_PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  /** A client context that trusts this certificate only (never the JVM-wide default). */
  SSLContext clientContext() throws GeneralSecurityException {
    KeyStore store = emptyStore();
    store.setCertificateEntry("crowd", certificate);
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private static KeyStore emptyStore() throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (java.io.IOException cannotHappenWithoutStream) {
      throw new GeneralSecurityException(cannotHappenWithoutStream);
    }
    return store;
  }

  private static byte[] sequence(byte[]... parts) {
    return tagged(0x30, concat(parts));
  }

  private static byte[] set(byte[]... parts) {
    return tagged(0x31, concat(parts));
  }

  private static byte[] integer(BigInteger value) {
    return tagged(0x02, value.toByteArray());
  }

  private static byte[] bitString(byte[] bits) {
    return tagged(0x03, concat(new byte[] {0}, bits)); // no unused bits
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] oid(String dotted) {
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

  private static byte[] tagged(int tag, byte[] content) {
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
