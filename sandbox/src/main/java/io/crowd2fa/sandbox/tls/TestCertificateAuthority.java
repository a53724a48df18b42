package io.crowd2fa.sandbox.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority for one sandbox run, and the one server certificate it signs for the
 * sandbox's host names. Made fresh at every start (EC P-256, valid for a day), so no private key is
 * ever committed or reused; the CA certificate is written as PEM for browsers and {@code curl
 * --cacert}.
 */
public final class TestCertificateAuthority {

  private static final String SIGNATURE = "SHA256withECDSA";
  private static final Duration VALIDITY = Duration.ofDays(1);

  private final X509Certificate caCertificate;
  private final KeyPair serverKeys;
  private final X509Certificate serverCertificate;

  private TestCertificateAuthority(X509Certificate ca, KeyPair serverKeys, X509Certificate server) {
    this.caCertificate = ca;
    this.serverKeys = serverKeys;
    this.serverCertificate = server;
  }

  /** A new CA and a server certificate whose subjectAltNames are {@code dnsNames}. */
  public static TestCertificateAuthority create(
      List<String> dnsNames, Clock clock, SecureRandom random) {
    Objects.requireNonNull(dnsNames, "dnsNames");
    try {
      Instant now = clock.instant();
      KeyPair caKeys = p256(random);
      X500Name caName = new X500Name("CN=Crowd2FA sandbox test CA " + now.getEpochSecond());
      X509v3CertificateBuilder ca =
          builder(caName, caName, caKeys, now, random)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
              .addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      X509Certificate caCertificate = sign(ca, caKeys);
      KeyPair serverKeys = p256(random);
      GeneralName[] names =
          dnsNames.stream()
              .map(n -> new GeneralName(GeneralName.dNSName, n))
              .toArray(GeneralName[]::new);
      X509v3CertificateBuilder server =
          builder(caName, new X500Name("CN=" + dnsNames.get(0)), serverKeys, now, random)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
              .addExtension(
                  Extension.extendedKeyUsage,
                  false,
                  new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
              .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
      // The CA's private key signs nothing after this and is dropped with this frame.
      return new TestCertificateAuthority(caCertificate, serverKeys, sign(server, caKeys));
    } catch (GeneralSecurityException | CertIOException | OperatorCreationException e) {
      throw new IllegalStateException("cannot make the sandbox's test CA", e);
    }
  }

  public X509Certificate caCertificate() {
    return caCertificate;
  }

  public X509Certificate serverCertificate() {
    return serverCertificate;
  }

  /**
   * Base64 SHA-256 of the server certificate's public key: Chromium's {@code
   * --ignore-certificate-errors-spki-list} value.
   */
  public String serverSpkiSha256() {
    try {
      byte[] spki = serverCertificate.getPublicKey().getEncoded();
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(spki));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 missing from the JVM", e);
    }
  }

  /** Writes the server key and chain as PKCS#12 with a random password. */
  public ServerTls writeServerKeyStore(Path file, SecureRandom random) {
    byte[] secret = new byte[18];
    random.nextBytes(secret);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    try (OutputStream out = Files.newOutputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(
          "server",
          serverKeys.getPrivate(),
          password.toCharArray(),
          new Certificate[] {serverCertificate, caCertificate});
      store.store(out, password.toCharArray());
      return new ServerTls(file, password);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the sandbox's key store", e);
    }
  }

  /** Writes the CA certificate (not its key) as PEM. */
  public Path writeCaCertificate(Path file) {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
        JcaPEMWriter pem = new JcaPEMWriter(out)) {
      pem.writeObject(caCertificate);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * A TLS context trusting what the JVM trusts by default and this CA: the sandbox's servers call
   * each other over HTTPS, and Crowd elsewhere keeps its public certificate.
   */
  public SSLContext clientContext() {
    try {
      TrustManagerFactory jdk =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      jdk.init((KeyStore) null);
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      int index = 0;
      for (var manager : jdk.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          for (X509Certificate root : x509.getAcceptedIssuers()) {
            trusted.setCertificateEntry("jdk-" + index++, root);
          }
        }
      }
      trusted.setCertificateEntry("crowd2fa-sandbox-ca", caCertificate);
      TrustManagerFactory both =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      both.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, both.getTrustManagers(), null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the sandbox's trust store", e);
    }
  }

  private static KeyPair p256(SecureRandom random) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), random);
    return generator.generateKeyPair();
  }

  private static X509v3CertificateBuilder builder(
      X500Name issuer, X500Name subject, KeyPair subjectKeys, Instant now, SecureRandom random) {
    return new JcaX509v3CertificateBuilder(
        issuer,
        new BigInteger(64, random).abs().add(BigInteger.ONE),
        Date.from(now.minus(Duration.ofMinutes(5))),
        Date.from(now.plus(VALIDITY)),
        subject,
        subjectKeys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuerKeys)
      throws OperatorCreationException, GeneralSecurityException {
    ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE).build(issuerKeys.getPrivate());
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }
}
