package io.crowd2fa.seraph.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.crowd.CrowdProperties;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The authenticator refuses at start a {@code cookie.domain} that does not reach its own product
 * (or the service that sets the cookies): every sign-in would otherwise loop through the login.
 */
class CookieDomainSettingsTest {

  private static final String SERVICE = "https://crowd.sandbox.test:8443/crowd/plugins/servlet/2fa";

  private static SettingsReader.Result read(String cookieDomain, String productUrl) {
    Properties crowd = new Properties();
    crowd.setProperty("application.name", "jira");
    crowd.setProperty("application.password", "secret");
    crowd.setProperty("crowd.base.url", "https://crowd.sandbox.test:8443/crowd/");
    if (cookieDomain != null) {
      crowd.setProperty("cookie.domain", cookieDomain);
    }
    return SettingsReader.read(
        Map.of("crowd2fa.service.url", SERVICE, "crowd2fa.product.url", productUrl),
        file -> CrowdProperties.parse(crowd, "crowd.properties"));
  }

  @Test
  void parentDomainOfProductAndServiceIsValid() {
    assertThat(read(".sandbox.test", "https://jira.sandbox.test:8444/jira"))
        .isInstanceOf(SettingsReader.Result.Valid.class);
  }

  @Test
  void domainNotCoveringTheProductIsRefusedNamingIt() {
    SettingsReader.Result result = read(".sandbox.test", "https://jira.example.org/jira");

    assertThat(result).isInstanceOf(SettingsReader.Result.Invalid.class);
    assertThat(((SettingsReader.Result.Invalid) result).problems())
        .singleElement()
        .asString()
        .startsWith("crowd.properties cookie.domain:")
        .contains("'.sandbox.test' does not cover https://jira.example.org/jira");
  }

  @Test
  void domainOfTheProductOnlyIsRefusedBecauseTheServiceCannotSetIt() {
    SettingsReader.Result result = read("jira.sandbox.test", "https://jira.sandbox.test/jira");

    assertThat(((SettingsReader.Result.Invalid) result).problems())
        .singleElement()
        .asString()
        .contains("does not cover https://crowd.sandbox.test:8443");
  }

  @Test
  void withoutCookieDomainCrowdDecidesAndNothingIsCheckedAtStart() {
    assertThat(read(null, "https://jira.example.org/jira"))
        .isInstanceOf(SettingsReader.Result.Valid.class);
  }
}
