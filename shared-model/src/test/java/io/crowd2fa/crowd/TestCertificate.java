package io.crowd2fa.crowd;

import static io.crowd2fa.testing.Der.integer;
import static io.crowd2fa.testing.Der.octetString;
import static io.crowd2fa.testing.Der.oid;
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
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed EC P-256 server certificate made in memory with JDK APIs only ({@link Der}), so
 * HTTPS tests need neither a keystore file nor a certificate library. The client side trusts
 * exactly this certificate and nothing else.
 */
final class TestCertificate {

  private static final char[] NO_PASSWORD = "test".toCharArray();
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
    KeyPair keys = Der.p256KeyPair();
    byte[] name = sequence(set(sequence(oid(COMMON_NAME), utf8String(dnsName))));
    byte[] subjectAltName = sequence(tagged(0x82, dnsName.getBytes(StandardCharsets.US_ASCII)));
    byte[] tbs =
        sequence(
            tagged(0xA0, integer(BigInteger.TWO)), // [0] EXPLICIT version: v3
            integer(BigInteger.ONE), // serial
            sequence(oid(Der.ECDSA_WITH_SHA256)),
            name,
            // Fixed window (UTCTime reaches 2049): the test does not depend on the wall clock.
            sequence(
                utcTime(Instant.parse("2020-01-01T00:00:00Z")),
                utcTime(Instant.parse("2049-12-31T23:59:59Z"))),
            name,
            keys.getPublic().getEncoded(),
            tagged(
                0xA3, // [3] EXPLICIT extensions
                sequence(sequence(oid(SUBJECT_ALT_NAME), octetString(subjectAltName)))));
    X509Certificate certificate = Der.certificate(tbs, keys.getPrivate());
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
}
