package io.crowd2fa.plugin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service sets the SSO cookie and the assertion that every product reads: a configured cookie
 * domain that does not cover a product's host (or the service's own) stops the start, naming the
 * product, instead of a sign-in that some product never sees.
 */
class CookieDomainCoverageTest {

  @TempDir Path dir;
  private Map<String, String> values;

  @BeforeEach
  void multiHostEstate() throws IOException {
    Files.writeString(dir.resolve("crowd.properties"), "application.name=crowd2fa\n");
    Files.writeString(dir.resolve("policy.json"), "{}");
    values = new HashMap<>();
    values.put(
        "crowd2fa.service.base-url", "https://crowd.sandbox.test:8443/crowd/plugins/servlet/2fa");
    values.put("crowd2fa.crowd.properties", dir.resolve("crowd.properties").toString());
    values.put("crowd2fa.db.url", "jdbc:h2:file:" + dir.resolve("db"));
    values.put("crowd2fa.key-file", dir.resolve("master.keys").toString());
    values.put(
        "crowd2fa.products",
        "jira=https://jira.sandbox.test:8444/jira,confluence=https://confluence.sandbox.test/wiki");
    values.put("crowd2fa.webauthn.rp-id", "crowd.sandbox.test");
    values.put("crowd2fa.webauthn.origins", "https://crowd.sandbox.test:8443");
    values.put("crowd2fa.policy.file", dir.resolve("policy.json").toString());
  }

  private ServiceConfig load() throws IOException {
    StringBuilder text = new StringBuilder();
    values.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    Path file = dir.resolve("crowd2fa.properties");
    Files.writeString(file, text);
    return ServiceConfigLoader.load(file, Map.of());
  }

  @Test
  void parentDomainCoveringServiceAndEveryProductStarts() throws IOException {
    values.put("crowd2fa.cookie.domain", ".sandbox.test");

    assertThat(load().cookieDomain()).contains(".sandbox.test");
  }

  @Test
  void domainMissingOneProductStopsTheStartNamingIt() {
    values.put(
        "crowd2fa.products",
        "jira=https://jira.sandbox.test:8444/jira,confluence=https://wiki.example.org/wiki");
    values.put("crowd2fa.cookie.domain", ".sandbox.test");

    assertThatThrownBy(this::load)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("crowd2fa.cookie.domain")
        .hasMessageContaining("'.sandbox.test' does not cover https://wiki.example.org/wiki")
        .hasMessageNotContaining("jira.sandbox.test");
  }

  @Test
  void domainOfOneProductOnlyStopsTheStartNamingServiceAndOtherProduct() {
    values.put("crowd2fa.cookie.domain", "jira.sandbox.test");

    assertThatThrownBy(this::load)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("does not cover https://crowd.sandbox.test:8443")
        .hasMessageContaining("does not cover https://confluence.sandbox.test/wiki");
  }

  @Test
  void suffixThatIsNotALabelBoundaryDoesNotCover() {
    values.put("crowd2fa.cookie.domain", "box.test");

    assertThatThrownBy(this::load)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'box.test' does not cover");
  }
}
