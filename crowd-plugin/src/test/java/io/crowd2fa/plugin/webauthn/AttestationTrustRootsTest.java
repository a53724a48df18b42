package io.crowd2fa.plugin.webauthn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yubico.webauthn.attestation.AttestationTrustSource.TrustRootsResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttestationTrustRootsTest {
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  static final TestAttestationCa FIRST = TestAttestationCa.root("First Root");
  static final TestAttestationCa SECOND = TestAttestationCa.root("Second Root");

  @Test
  void everyCertificateOfAPemFileIsATrustRootInFileOrder() {
    String pem =
        "Vendor roots\n"
            + TestAttestationCa.pem(FIRST.certificate, SECOND.certificate, FIRST.certificate);

    AttestationTrustRoots roots = AttestationTrustRoots.fromPem(pem);

    assertThat(roots.certificates()).containsExactly(FIRST.certificate, SECOND.certificate);
    TrustRootsResult result = roots.findTrustRoots(List.of(), Optional.empty());
    assertThat(result.getTrustRoots())
        .containsExactlyInAnyOrder(FIRST.certificate, SECOND.certificate);
    assertThat(result.isEnableRevocationChecking()).isFalse();
  }

  @Test
  void textWithoutAPemBlockIsRefused() {
    assertThatThrownBy(() -> AttestationTrustRoots.fromPem("MIIBszCCAVmgAwIBAgIBAT..."))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not PEM");
  }

  @Test
  void aPemBlockThatIsNotACertificateIsRefusedNotSkipped() {
    String pem =
        TestAttestationCa.pem(FIRST.certificate)
            + "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n";

    assertThatThrownBy(() -> AttestationTrustRoots.fromPem(pem))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PRIVATE KEY, not a CERTIFICATE");
  }

  @Test
  void aCertificateBlockWithDamagedContentIsRefused() {
    String pem =
        "-----BEGIN CERTIFICATE-----\nTm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n";

    assertThatThrownBy(() -> AttestationTrustRoots.fromPem(pem))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an X.509 certificate");
  }

  @Test
  void aTruncatedBlockIsRefused() {
    String pem = TestAttestationCa.pem(FIRST.certificate);
    String truncated = pem + pem.substring(0, pem.length() / 2);

    assertThatThrownBy(() -> AttestationTrustRoots.fromPem(truncated))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not terminated");
  }

  @Test
  void anEmptyListIsRefused() {
    assertThatThrownBy(() -> new AttestationTrustRoots(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one");
  }

  @Test
  void aRootOutsideItsValidityIsRefusedNamingIt() {
    TestAttestationCa expired =
        TestAttestationCa.root(
            "Expired Root",
            Instant.parse("2015-01-01T00:00:00Z"),
            Instant.parse("2025-01-01T00:00:00Z"));
    TestAttestationCa future =
        TestAttestationCa.root(
            "Future Root",
            Instant.parse("2027-01-01T00:00:00Z"),
            Instant.parse("2040-01-01T00:00:00Z"));

    assertThatThrownBy(
            () ->
                new AttestationTrustRoots(List.of(FIRST.certificate, expired.certificate))
                    .requireValidAt(NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Expired Root")
        .hasMessageContaining("expired at 2025-01-01T00:00:00Z");
    assertThatThrownBy(
            () -> new AttestationTrustRoots(List.of(future.certificate)).requireValidAt(NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Future Root")
        .hasMessageContaining("not valid before");
    new AttestationTrustRoots(List.of(FIRST.certificate, SECOND.certificate)).requireValidAt(NOW);
  }
}
