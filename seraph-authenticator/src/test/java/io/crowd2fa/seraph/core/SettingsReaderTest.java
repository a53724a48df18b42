package io.crowd2fa.seraph.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.crowd.CrowdConfigurationException;
import io.crowd2fa.crowd.CrowdProperties;
import io.crowd2fa.seraph.testing.TokenMint;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SettingsReaderTest {

  private static Properties crowdProperties() {
    Properties properties = new Properties();
    properties.setProperty("application.name", "jira");
    properties.setProperty("application.password", "secret");
    properties.setProperty("crowd.base.url", "http://localhost:8095/crowd/");
    properties.setProperty("session.validationinterval", "2");
    return properties;
  }

  private static SettingsReader.Result read(Map<String, String> params) {
    return SettingsReader.read(params, file -> CrowdProperties.parse(crowdProperties(), "test"));
  }

  @Test
  void readWhenOnlyServiceUrlThenDocumentedDefaults() {
    SettingsReader.Result result =
        read(Map.of("crowd2fa.service.url", "http://localhost:8095/crowd/plugins/servlet/2fa/"));

    assertThat(result).isInstanceOf(SettingsReader.Result.Valid.class);
    AuthenticatorSettings settings = ((SettingsReader.Result.Valid) result).settings();
    assertThat(settings.loginUrl()).isEqualTo(TokenMint.ISSUER + "/login");
    assertThat(settings.stepUpUrl()).isEqualTo(TokenMint.ISSUER + "/verify");
    assertThat(settings.issuer()).isEqualTo(TokenMint.ISSUER);
    assertThat(settings.application()).isEqualTo("jira");
    assertThat(settings.breakGlassUsers()).isEmpty();
    assertThat(settings.apiClientSignals()).containsExactlyInAnyOrder(ApiClientSignal.values());
    assertThat(settings.assertionCookie()).isEqualTo("crowd2fa.assertion");
    assertThat(settings.tokenCookie()).isEqualTo("crowd.token_key");
    assertThat(settings.validationInterval()).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.pinnedPublicKey()).isEmpty();
    assertThat(settings.localFreshness().maxAge()).isEmpty();
  }

  @Test
  void readWhenEveryParamSetThenAllTaken() {
    Map<String, String> params = new HashMap<>();
    params.put("crowd2fa.service.url", TokenMint.ISSUER);
    params.put("crowd2fa.breakglass.users", "rescue, ops ");
    params.put("crowd2fa.freshness.maxAgeSeconds", "3600");
    params.put("crowd2fa.freshness.paths", "/secure/admin/*=300,/rest/api/2/user*=600");
    params.put("crowd2fa.apiclient.signals", "authorization,x-requested-with");
    params.put("crowd2fa.assertion.publicKey", new TokenMint("k").publicKeyPem());

    AuthenticatorSettings settings = ((SettingsReader.Result.Valid) read(params)).settings();

    assertThat(settings.breakGlassUsers()).containsExactlyInAnyOrder("rescue", "ops");
    assertThat(settings.localFreshness().maxAgeSeconds("/secure/admin/x", null)).isEqualTo(300);
    assertThat(settings.localFreshness().maxAgeSeconds("/x", null)).isEqualTo(3600);
    assertThat(settings.apiClientSignals())
        .containsExactlyInAnyOrder(
            ApiClientSignal.AUTHORIZATION_HEADER, ApiClientSignal.X_REQUESTED_WITH);
    assertThat(settings.pinnedPublicKey()).isPresent();
  }

  @Test
  void readWhenMisconfiguredThenEveryProblemListed() {
    Map<String, String> params = new HashMap<>();
    params.put("crowd2fa.servce.url", TokenMint.ISSUER);
    params.put("crowd2fa.freshness.paths", "/secure/admin/*");
    params.put("crowd2fa.apiclient.signals", "cookies");
    params.put("crowd2fa.assertion.publicKey", "not a key");
    params.put("crowd2fa.cache.ttlSeconds", "0");

    SettingsReader.Result result = read(params);

    assertThat(result).isInstanceOf(SettingsReader.Result.Invalid.class);
    assertThat(((SettingsReader.Result.Invalid) result).problems())
        .anyMatch(p -> p.contains("unknown init-param crowd2fa.servce.url"))
        .anyMatch(p -> p.contains("crowd2fa.service.url is required"))
        .anyMatch(p -> p.contains("crowd2fa.freshness.paths"))
        .anyMatch(p -> p.contains("unknown signal 'cookies'"))
        .anyMatch(p -> p.contains("crowd2fa.assertion.publicKey"))
        .anyMatch(p -> p.contains("crowd2fa.cache.ttlSeconds"));
  }

  @Test
  void readWhenCrowdPropertiesMissingThenProblemReported() {
    SettingsReader.Result result =
        SettingsReader.read(
            Map.of("crowd2fa.service.url", TokenMint.ISSUER),
            file -> {
              throw new CrowdConfigurationException(
                  null, "classpath:crowd.properties", "not found");
            });

    assertThat(((SettingsReader.Result.Invalid) result).problems())
        .anyMatch(p -> p.startsWith("crowd.properties"));
  }
}
