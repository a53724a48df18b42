package io.crowd2fa.crowd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An HTTPS Crowd URL through an HTTP proxy: the JDK opens a {@code CONNECT} tunnel, TLS runs end to
 * end with Crowd, and Crowd's host ({@code crowd.invalid}) need not resolve because the proxy
 * tunnels to the loopback HTTPS stand-in whatever it is asked for. Runs with the JDK's default
 * {@code jdk.http.auth.tunneling.disabledSchemes=Basic}; {@link CrowdHttpsProxyBasicAllowedTest}
 * covers a JVM started with it emptied.
 */
class CrowdHttpsProxyTest {

  static final String CROWD_HOST = "crowd.invalid";
  static final String CROWD_URL = "https://" + CROWD_HOST + ":8443/crowd";
  static final String COOKIE_CONFIG = "{\"secure\":true,\"name\":\"crowd.token_key\"}";

  private static TestCertificate certificate;

  private FakeCrowd crowd;
  private ConnectProxy proxy;

  @BeforeAll
  static void certificate() throws Exception {
    certificate = TestCertificate.forHost(CROWD_HOST);
  }

  @AfterEach
  void stop() {
    if (proxy != null) {
      proxy.close();
    }
    if (crowd != null) {
      crowd.close();
    }
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static Properties properties(String... keysAndValues) {
    Properties properties = new Properties();
    properties.setProperty("application.name", "crowd2fa");
    properties.setProperty("application.password", "app-secret");
    properties.setProperty("crowd.base.url", CROWD_URL);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
    }
    return properties;
  }

  private void startCrowdBehind(Optional<String> proxyDemands) throws Exception {
    crowd = FakeCrowd.https(certificate.serverContext());
    crowd.answer(200, COOKIE_CONFIG);
    proxy = new ConnectProxy(crowd.address(), proxyDemands);
  }

  private CrowdClient client(CrowdClientConfig config) throws Exception {
    return new HttpCrowdClient(config, certificate.clientContext());
  }

  @Test
  void anHttpsCrowdUrlIsReachedThroughAConnectTunnelWithTlsEndToEnd() throws Exception {
    startCrowdBehind(Optional.empty());
    CrowdClient client =
        client(
            CrowdProperties.parse(
                properties("http.proxy.host", "127.0.0.1", "http.proxy.port", "" + proxy.port()),
                "crowd.properties"));

    CookieConfiguration cookie = client.getCookieConfiguration();

    assertThat(cookie)
        .isEqualTo(new CookieConfiguration(Optional.empty(), true, "crowd.token_key"));
    assertThat(proxy.connects())
        .singleElement()
        .satisfies(
            connect -> {
              assertThat(connect.requestLine()).isEqualTo("CONNECT crowd.invalid:8443 HTTP/1.1");
              assertThat(connect.header("Proxy-Authorization")).isEmpty();
            });
    FakeCrowd.Recorded request = crowd.lastRequest();
    assertThat(request.path()).isEqualTo("/crowd/rest/usermanagement/1/config/cookie");
    assertThat(request.header("Authorization")).isEqualTo(basic("crowd2fa", "app-secret"));
  }

  @Test
  void proxyCredentialsForAnHttpsCrowdUrlAreAConfigurationErrorNamingTheKeyAndTheJvmProperty() {
    assertThatThrownBy(
            () ->
                CrowdProperties.parse(
                    properties(
                        "http.proxy.host", "proxy.example.com",
                        "http.proxy.port", "3128",
                        "http.proxy.username", "proxy-user",
                        "http.proxy.password", "proxy-secret"),
                    "/etc/crowd2fa/crowd.properties"))
        .isInstanceOf(CrowdConfigurationException.class)
        .hasMessageContaining("crowd.properties key 'http.proxy.username'")
        .hasMessageContaining("/etc/crowd2fa/crowd.properties")
        .hasMessageContaining("https Crowd URL " + CROWD_URL)
        .hasMessageContaining("-Djdk.http.auth.tunneling.disabledSchemes=")
        .hasMessageNotContaining("proxy-secret")
        .satisfies(
            e ->
                assertThat(((CrowdConfigurationException) e).key())
                    .isEqualTo("http.proxy.username"));
  }

  @Test
  void proxyCredentialsForAPlainHttpCrowdUrlAreStillAccepted() {
    CrowdClientConfig config =
        CrowdProperties.parse(
            properties(
                "crowd.base.url", "http://crowd.example.com:8095/crowd",
                "http.proxy.host", "proxy.example.com",
                "http.proxy.port", "3128",
                "http.proxy.username", "proxy-user",
                "http.proxy.password", "proxy-secret"),
            "crowd.properties");

    assertThat(config.proxy().orElseThrow().username()).contains("proxy-user");
  }

  @Test
  void aClientBuiltInCodeWithProxyCredentialsForAnHttpsCrowdUrlIsRefusedTheSameWay() {
    CrowdClientConfig config =
        CrowdClientConfig.of(java.net.URI.create(CROWD_URL), "crowd2fa", new Password("app-secret"))
            .withProxy(
                new HttpProxy(
                    "127.0.0.1",
                    3128,
                    Optional.of("proxy-user"),
                    Optional.of(new Password("proxy-secret"))));

    assertThatThrownBy(() -> CrowdClient.create(config))
        .isInstanceOf(CrowdConfigurationException.class)
        .hasMessageContaining("http.proxy.username")
        .hasMessageContaining("-Djdk.http.auth.tunneling.disabledSchemes=");
  }

  @Test
  void aProxyThatDemandsCredentialsOnConnectIsAProxyAuthenticationFaultNotACrowdAnswer()
      throws Exception {
    startCrowdBehind(Optional.of(basic("proxy-user", "proxy-secret")));
    CrowdClient client =
        client(
            CrowdProperties.parse(
                properties("http.proxy.host", "127.0.0.1", "http.proxy.port", "" + proxy.port()),
                "crowd.properties"));

    assertThatThrownBy(client::getCookieConfiguration)
        .isInstanceOf(CrowdProxyAuthenticationException.class)
        .hasMessageContaining("HTTP proxy 127.0.0.1:" + proxy.port())
        .hasMessageContaining("GET /config/cookie")
        .hasMessageContaining("407 Proxy Authentication Required")
        .hasMessageContaining("(it asks for Basic)")
        .hasMessageContaining("set http.proxy.username and http.proxy.password");
    assertThat(proxy.connects()).isNotEmpty();
    assertThat(crowd.requests()).isEmpty();
  }
}
