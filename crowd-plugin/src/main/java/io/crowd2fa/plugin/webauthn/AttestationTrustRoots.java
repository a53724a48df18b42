package io.crowd2fa.plugin.webauthn;

import com.yubico.webauthn.attestation.AttestationTrustSource;
import com.yubico.webauthn.data.ByteArray;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The attestation root certificates an organisation trusts: a new security key is accepted only if
 * its attestation chains to one of them. Yubico's library validates the chain (PKIX, at the relying
 * party's clock); this record only answers which roots to validate against.
 *
 * @param certificates at least one; the order of the PEM file, without duplicates
 */
public record AttestationTrustRoots(List<X509Certificate> certificates)
    implements AttestationTrustSource {

  private static final Pattern PEM_BLOCK =
      Pattern.compile(
          "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----", Pattern.DOTALL);

  public AttestationTrustRoots {
    if (certificates == null || certificates.isEmpty()) {
      throw new IllegalArgumentException("at least one attestation root certificate is required");
    }
    certificates = List.copyOf(new LinkedHashSet<>(certificates));
  }

  /**
   * Reads every {@code CERTIFICATE} block of a PEM text. Anything that is not a certificate (a
   * private key pasted by mistake, DER bytes, a truncated block) is refused rather than skipped: a
   * trust list that silently lost an entry would refuse keys the administrator meant to allow.
   */
  public static AttestationTrustRoots fromPem(String pem) {
    if (pem == null || !pem.contains("-----BEGIN ")) {
      throw new IllegalArgumentException("not PEM: no -----BEGIN CERTIFICATE----- block");
    }
    CertificateFactory factory;
    try {
      factory = CertificateFactory.getInstance("X.509");
    } catch (CertificateException e) {
      throw new IllegalStateException("the JDK has no X.509 certificate factory", e);
    }
    List<X509Certificate> certificates = new ArrayList<>();
    Matcher block = PEM_BLOCK.matcher(pem);
    int blocks = 0;
    while (block.find()) {
      blocks++;
      if (!"CERTIFICATE".equals(block.group(1))) {
        throw new IllegalArgumentException(
            "PEM block " + blocks + " is a " + block.group(1) + ", not a CERTIFICATE");
      }
      try {
        byte[] der = Base64.getMimeDecoder().decode(block.group(2));
        certificates.add(
            (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
      } catch (IllegalArgumentException | CertificateException e) {
        throw new IllegalArgumentException(
            "PEM block " + blocks + " is not an X.509 certificate: " + e.getMessage(), e);
      }
    }
    if (blocks != countOf(pem, "-----BEGIN ")) {
      throw new IllegalArgumentException("a PEM block is not terminated by its -----END line");
    }
    return new AttestationTrustRoots(certificates);
  }

  /**
   * Refuses a list holding a root outside its validity period: the PKIX check would still use an
   * expired anchor, so an administrator would never learn that the vendor has replaced it.
   */
  public void requireValidAt(Instant now) {
    for (X509Certificate root : certificates) {
      if (now.isAfter(root.getNotAfter().toInstant())) {
        throw new IllegalArgumentException(
            "root "
                + root.getSubjectX500Principal()
                + " expired at "
                + root.getNotAfter().toInstant());
      }
      if (now.isBefore(root.getNotBefore().toInstant())) {
        throw new IllegalArgumentException(
            "root "
                + root.getSubjectX500Principal()
                + " is not valid before "
                + root.getNotBefore().toInstant());
      }
    }
  }

  /**
   * The same roots for every authenticator model. Revocation checking is off: it would fetch each
   * vendor's CRL over the network during a registration and fail closed when that is unreachable;
   * removing a root from this list is how an administrator stops trusting it.
   */
  @Override
  public TrustRootsResult findTrustRoots(
      List<X509Certificate> attestationCertificateChain, Optional<ByteArray> aaguid) {
    return TrustRootsResult.builder()
        .trustRoots(Set.copyOf(certificates))
        .enableRevocationChecking(false)
        .build();
  }

  private static int countOf(String text, String marker) {
    int count = 0;
    for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
      count++;
    }
    return count;
  }
}
