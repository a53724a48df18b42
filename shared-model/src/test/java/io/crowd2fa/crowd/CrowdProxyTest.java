package io.crowd2fa.crowd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Crowd behind an HTTP proxy, configured by {@code crowd.properties}' {@code http.proxy.*} keys.
 * The fake server plays the proxy; Crowd's host ({@code crowd.invalid}) cannot resolve, so an
 * answer proves the call went through the proxy.
 */
class CrowdProxyTest {

  private static final URI UNREACHABLE_CROWD = URI.create("http://crowd.invalid:8095/crowd");
  private static final String COOKIE_CONFIG = "{\"secure\":true,\"name\":\"crowd.token_key\"}";

  private FakeCrowd proxy;

  @BeforeEach
  void start() throws Exception {
    proxy = new FakeCrowd();
  }

  @AfterEach
  void stop() {
    proxy.close();
  }

  private static Properties properties(String... keysAndValues) {
    Properties properties = new Properties();
    properties.setProperty("application.name", "crowd2fa");
    properties.setProperty("application.password", "app-secret");
    properties.setProperty("crowd.base.url", UNREACHABLE_CROWD.toString());
    for (int i = 0; i < keysAndValues.length; i += 2) {
      properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
    }
    return properties;
  }

  private CrowdClient throughProxy(String... credentials) {
    String[] keys =
        credentials.length == 0
            ? new String[] {"http.proxy.host", "127.0.0.1", "http.proxy.port", "" + proxy.port()}
            : new String[] {
              "http.proxy.host",
              "127.0.0.1",
              "http.proxy.port",
              "" + proxy.port(),
              "http.proxy.username",
              credentials[0],
              "http.proxy.password",
              credentials[1]
            };
    return CrowdClient.create(CrowdProperties.parse(properties(keys), "crowd.properties"));
  }

  @Test
  void withoutProxyKeysThereIsNoProxy() {
    assertThat(CrowdProperties.parse(properties(), "crowd.properties").proxy()).isEmpty();
  }

  @Test
  void callsGoThroughTheProxyToCrowdsAbsoluteUrl() {
    proxy.answer(200, COOKIE_CONFIG);

    CookieConfiguration cookie = throughProxy().getCookieConfiguration();

    assertThat(cookie)
        .isEqualTo(new CookieConfiguration(Optional.empty(), true, "crowd.token_key"));
    FakeCrowd.Recorded request = proxy.lastRequest();
    assertThat(request.header("Host")).isEqualTo("crowd.invalid:8095");
    assertThat(request.path()).isEqualTo("/crowd/rest/usermanagement/1/config/cookie");
    assertThat(request.header("Proxy-Authorization")).isNull();
  }

  @Test
  void aProxyThatWantsCredentialsGetsTheConfiguredOnesWithEveryCall() {
    proxy.answer(200, COOKIE_CONFIG);
    CrowdClient client = throughProxy("proxy-user", "proxy-secret");

    client.getCookieConfiguration();
    client.getCookieConfiguration();

    assertThat(proxy.requests())
        .hasSize(2)
        .allSatisfy(
            r ->
                assertThat(r.header("Proxy-Authorization"))
                    .isEqualTo(
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString(
                                    "proxy-user:proxy-secret".getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void crowdsOwn401ThroughTheProxyIsStillAnApplicationAuthenticationFault() {
    proxy.answer(401, "text/plain", "Application failed to authenticate");

    assertThatThrownBy(() -> throughProxy("proxy-user", "proxy-secret").getUser("alice"))
        .isInstanceOf(CrowdApplicationAuthenticationException.class);
    assertThat(proxy.requests())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.header("Authorization"))
                    .isEqualTo(
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString(
                                    "crowd2fa:app-secret".getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void aProxyThatRefusesTheCredentialsIsAProxyAuthenticationFaultNotACrowdProtocolFault() {
    proxy.answer(407, "text/plain", "Proxy Authentication Required");

    assertThatThrownBy(() -> throughProxy("proxy-user", "wrong-secret").getUser("alice"))
        .isInstanceOf(CrowdProxyAuthenticationException.class)
        .hasMessageContaining("HTTP proxy 127.0.0.1:" + proxy.port())
        .hasMessageContaining("GET /user")
        .hasMessageContaining("refused the configured http.proxy.username / http.proxy.password")
        .hasMessageNotContaining("wrong-secret");
  }

  @Test
  void aProxyHostWithoutPortIsAConfigurationErrorNamingTheKey() {
    assertThatThrownBy(
            () ->
                CrowdProperties.parse(
                    properties("http.proxy.host", "proxy.example.com"), "crowd.properties"))
        .isInstanceOf(CrowdConfigurationException.class)
        .hasMessageContaining("http.proxy.port")
        .hasMessageContaining("crowd.properties");
  }

  @Test
  void aProxyUsernameWithoutPasswordIsAConfigurationErrorNamingTheMissingKey() {
    assertThatThrownBy(
            () ->
                CrowdProperties.parse(
                    properties(
                        "http.proxy.host", "proxy.example.com",
                        "http.proxy.port", "3128",
                        "http.proxy.username", "proxy-user"),
                    "crowd.properties"))
        .isInstanceOf(CrowdConfigurationException.class)
        .hasMessageContaining("http.proxy.password");
  }

  @Test
  void aProxyPortOutOfRangeIsAConfigurationError() {
    assertThatThrownBy(
            () ->
                CrowdProperties.parse(
                    properties("http.proxy.host", "proxy.example.com", "http.proxy.port", "70000"),
                    "crowd.properties"))
        .isInstanceOf(CrowdConfigurationException.class)
        .hasMessageContaining("http.proxy.port");
  }

  @Test
  void theProxyPasswordIsNeverPrinted() {
    CrowdClientConfig config =
        CrowdProperties.parse(
            properties(
                "http.proxy.host", "proxy.example.com",
                "http.proxy.port", "3128",
                "http.proxy.username", "proxy-user",
                "http.proxy.password", "proxy-secret"),
            "crowd.properties");

    assertThat(config.toString())
        .contains("proxy=HttpProxy[proxy.example.com:3128, username=proxy-user]")
        .doesNotContain("proxy-secret");
    assertThat(config.proxy().orElseThrow().password().orElseThrow().toString())
        .doesNotContain("proxy-secret");
  }
}
