package io.crowd2fa.plugin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

  private ServiceConfig load(Map<String, String> environment) throws IOException {
    StringBuilder text = new StringBuilder("# test\n");
    values.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    Path file = dir.resolve("crowd2fa.properties");
    Files.writeString(file, text);
    return ServiceConfigLoader.load(file, environment);
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
