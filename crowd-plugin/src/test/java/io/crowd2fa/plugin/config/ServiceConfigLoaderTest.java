package io.crowd2fa.plugin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowd2fa.plugin.webauthn.TestAttestationCa;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceConfigLoaderTest {

  @TempDir Path dir;
  private Map<String, String> values;

  @BeforeEach
  void validValues() throws IOException {
    Files.writeString(dir.resolve("crowd.properties"), "application.name=crowd2fa\n");
    Files.writeString(dir.resolve("policy.json"), "{}");
    values = new HashMap<>();
    values.put("crowd2fa.service.base-url", "https://crowd.example.com/crowd/plugins/servlet/2fa");
    values.put("crowd2fa.crowd.properties", dir.resolve("crowd.properties").toString());
    values.put("crowd2fa.db.url", "jdbc:h2:file:" + dir.resolve("db"));
    values.put("crowd2fa.key-file", dir.resolve("master.keys").toString());
    values.put(
        "crowd2fa.products", "jira=https://jira.example.com, confluence=https://wiki.example.com/");
    values.put("crowd2fa.webauthn.rp-id", "example.com");
    values.put("crowd2fa.webauthn.origins", "https://crowd.example.com");
    values.put("crowd2fa.policy.file", dir.resolve("policy.json").toString());
  }

  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
  private static final String TRUST_ROOTS = "crowd2fa.webauthn.attestation.trust-roots";

  private ServiceConfig load(Map<String, String> environment) throws IOException {
    StringBuilder text = new StringBuilder("# test\n");
    values.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    Path file = dir.resolve("crowd2fa.properties");
    Files.writeString(file, text);
    return ServiceConfigLoader.load(file, environment, NOW);
  }

  @Test
  void withoutAttestationTrustRootsAttestationIsNotChecked() throws IOException {
    ServiceConfig config = load(Map.of());

    assertThat(config.webAuthnAttestationTrustRoots()).isEmpty();
    assertThat(config.webAuthnAllowedAaguids()).isEmpty();
  }

  @Test
  void attestationTrustRootsAreReadFromTheNamedPemFile() throws IOException {
    TestAttestationCa vendor = TestAttestationCa.root("Vendor Root");
    Path pem = dir.resolve("roots.pem");
    Files.writeString(pem, TestAttestationCa.pem(vendor.certificate));
    values.put(TRUST_ROOTS, pem.toString());

    assertThat(load(Map.of()).webAuthnAttestationTrustRoots())
        .hasValueSatisfying(
            roots -> assertThat(roots.certificates()).containsExactly(vendor.certificate));
  }

  @Test
  void aaguidAllowlistIsReadAndNeedsTheTrustRoots() throws IOException {
    values.put(
        "crowd2fa.webauthn.attestation.aaguids",
        "cb69481e-8ff7-4039-93ec-0a2729a154a8 , EE882879-721C-4913-9775-3DFCCE97072A");

    assertThatThrownBy(() -> load(Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "crowd2fa.webauthn.attestation.aaguids: needs "
                + "crowd2fa.webauthn.attestation.trust-roots");

    Path pem = dir.resolve("roots.pem");
    Files.writeString(pem, TestAttestationCa.pem(TestAttestationCa.root("Vendor").certificate));
    values.put(TRUST_ROOTS, pem.toString());
    assertThat(load(Map.of()).webAuthnAllowedAaguids())
        .containsExactlyInAnyOrder(
            java.util.UUID.fromString("cb69481e-8ff7-4039-93ec-0a2729a154a8"),
            java.util.UUID.fromString("ee882879-721c-4913-9775-3dfcce97072a"));

    values.put("crowd2fa.webauthn.attestation.aaguids", "YubiKey 5");
    assertThatThrownBy(() -> load(Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("crowd2fa.webauthn.attestation.aaguids: 'YubiKey 5'");
  }

  @Test
  void attestationTrustRootsThatCannotBeUsedStopStartUpNamingTheKey() throws Exception {
    Path notPem = dir.resolve("roots.der");
    Files.write(notPem, TestAttestationCa.root("DER Root").certificate.getEncoded());
    Path noCertificate = dir.resolve("empty.pem");
    Files.writeString(noCertificate, "# the vendor's roots go here\n");
    Path expired = dir.resolve("expired.pem");
    Files.writeString(
        expired,
        TestAttestationCa.pem(
            TestAttestationCa.root(
                    "Old Root",
                    Instant.parse("2010-01-01T00:00:00Z"),
                    Instant.parse("2020-01-01T00:00:00Z"))
                .certificate));
    Map<Path, String> cases =
        Map.of(
            dir.resolve("missing.pem"),
            "is not a readable file",
            notPem,
            "not PEM",
            noCertificate,
            "not PEM",
            expired,
            "expired at 2020-01-01T00:00:00Z");

    cases.forEach(
        (file, problem) -> {
          values.put(TRUST_ROOTS, file.toString());
          assertThatThrownBy(() -> load(Map.of()))
              .as(file.toString())
              .isInstanceOf(ConfigurationException.class)
              .hasMessageStartingWith(TRUST_ROOTS + ": ")
              .hasMessageContaining(problem);
        });
  }

  @Test
  void validFileLoadsWithDefaults() throws IOException {
    ServiceConfig config = load(Map.of());

    assertThat(config.serviceBaseUrl())
        .isEqualTo(URI.create("https://crowd.example.com/crowd/plugins/servlet/2fa"));
    assertThat(config.isHttps()).isTrue();
    assertThat(config.servicePath()).isEqualTo("/crowd/plugins/servlet/2fa");
    assertThat(config.products())
        .extracting(Product::application)
        .containsExactly("jira", "confluence");
    assertThat(config.totpIssuer()).isEqualTo("Crowd2FA");
    assertThat(config.loginLifetime()).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.assertionLifetime()).isEqualTo(Duration.ofHours(12));
    assertThat(config.keyRotationInterval()).isEqualTo(Duration.ofDays(30));
    assertThat(config.cookieDomain()).isEmpty();
  }

  @Test
  void environmentVariableOverridesTheFile() throws IOException {
    ServiceConfig config =
        load(Map.of("CROWD2FA_TOTP_ISSUER", "ACME", "CROWD2FA_COOKIE_DOMAIN", ".example.com"));

    assertThat(config.totpIssuer()).isEqualTo("ACME");
    assertThat(config.cookieDomain()).contains(".example.com");
  }

  @Test
  void missingRequiredKeyStopsStartUpNamingIt() {
    values.remove("crowd2fa.db.url");

    assertThatThrownBy(() -> load(Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("crowd2fa.db.url")
        .hasMessageContaining("CROWD2FA_DB_URL");
  }

  @Test
  void wrongValuesStopStartUpNamingTheKey() {
    Map<String, String> wrong =
        Map.of(
            "crowd2fa.service.base-url", "ftp://x",
            "crowd2fa.db.url", "jdbc:mysql://x",
            "crowd2fa.products", "https://jira.example.com",
            "crowd2fa.crowd.properties", "/does/not/exist",
            "crowd2fa.login.lifetime", "PT11M",
            "crowd2fa.cookie.domain", "bad domain",
            "crowd2fa.key-file", "/no/such/dir/keys");
    wrong.forEach(
        (key, value) -> {
          Map<String, String> saved = new HashMap<>(values);
          values.put(key, value);
          assertThatThrownBy(() -> load(Map.of()))
              .as(key)
              .isInstanceOf(ConfigurationException.class)
              .hasMessageStartingWith(key);
          values = saved;
        });
  }

  @Test
  void keyRotationIntervalIsReadAsIsoDuration() throws IOException {
    values.put("crowd2fa.keys.rotation-interval", "P7D");

    assertThat(load(Map.of()).keyRotationInterval()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void keyRotationIntervalNotLongerThanAssertionLifetimeStopsStartUpNamingTheKey() {
    values.put("crowd2fa.assertion.lifetime", "PT12H");
    values.put("crowd2fa.keys.rotation-interval", "PT12H");

    assertThatThrownBy(() -> load(Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("crowd2fa.keys.rotation-interval")
        .hasMessageContaining("crowd2fa.assertion.lifetime");
  }
}
