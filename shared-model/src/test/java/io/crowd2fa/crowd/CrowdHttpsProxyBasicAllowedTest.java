package io.crowd2fa.crowd;

import static io.crowd2fa.crowd.CrowdHttpsProxyTest.COOKIE_CONFIG;
import static io.crowd2fa.crowd.CrowdHttpsProxyTest.CROWD_HOST;
import static io.crowd2fa.crowd.CrowdHttpsProxyTest.basic;
import static io.crowd2fa.crowd.CrowdHttpsProxyTest.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An HTTPS Crowd URL through an authenticating proxy in a JVM whose admin followed the
 * configuration error's advice, {@code -Djdk.http.auth.tunneling.disabledSchemes=}. The JDK reads
 * that property once, so this class runs in its own surefire execution (tag {@value #TAG}, see
 * shared-model/pom.xml) with the property emptied, and only there.
 */
@Tag(CrowdHttpsProxyBasicAllowedTest.TAG)
class CrowdHttpsProxyBasicAllowedTest {

  static final String TAG = "jvm-basic-proxy-tunnelling";

  private static TestCertificate certificate;

  private FakeCrowd crowd;
  private ConnectProxy proxy;

  @BeforeAll
  static void jvmAllowsBasicForTunnels() throws Exception {
    assertThat(System.getProperty(JdkProxyAuthentication.TUNNELING_DISABLED_SCHEMES))
        .as("run by surefire execution '" + TAG + "' with the property emptied")
        .isEmpty();
    certificate = TestCertificate.forHost(CROWD_HOST);
  }

  @BeforeEach
  void start() throws Exception {
    crowd = FakeCrowd.https(certificate.serverContext());
    crowd.answer(200, COOKIE_CONFIG);
    proxy = new ConnectProxy(crowd.address(), Optional.of(basic("proxy-user", "proxy-secret")));
  }

  @AfterEach
  void stop() {
    proxy.close();
    crowd.close();
  }

  private CrowdClient clientWithProxyCredentials(String user, String password) throws Exception {
    CrowdClientConfig config =
        CrowdProperties.parse(
            properties(
                "http.proxy.host",
                "127.0.0.1",
                "http.proxy.port",
                "" + proxy.port(),
                "http.proxy.username",
                user,
                "http.proxy.password",
                password),
            "crowd.properties");
    return new HttpCrowdClient(config, certificate.clientContext());
  }

  @Test
  void theConfiguredCredentialsOpenTheTunnelWithEveryConnectAndNeverReachCrowd() throws Exception {
    CrowdClient client = clientWithProxyCredentials("proxy-user", "proxy-secret");

    CookieConfiguration cookie = client.getCookieConfiguration();

    assertThat(cookie)
        .isEqualTo(new CookieConfiguration(Optional.empty(), true, "crowd.token_key"));
    assertThat(proxy.connects())
        .isNotEmpty()
        .allSatisfy(
            connect -> {
              assertThat(connect.requestLine()).isEqualTo("CONNECT crowd.invalid:8443 HTTP/1.1");
              assertThat(connect.header("Proxy-Authorization"))
                  .contains(basic("proxy-user", "proxy-secret"));
            });
    FakeCrowd.Recorded request = crowd.lastRequest();
    assertThat(request.header("Authorization")).isEqualTo(basic("crowd2fa", "app-secret"));
    assertThat(request.header("Proxy-Authorization")).isNull();
  }

  @Test
  void aProxyThatRefusesTheConfiguredCredentialsIsAProxyAuthenticationFaultNamingTheKeys()
      throws Exception {
    CrowdClient client = clientWithProxyCredentials("proxy-user", "wrong-secret");

    assertThatThrownBy(client::getCookieConfiguration)
        .isInstanceOf(CrowdProxyAuthenticationException.class)
        .hasMessageContaining("407 Proxy Authentication Required")
        .hasMessageContaining("refused the configured http.proxy.username / http.proxy.password")
        .hasMessageNotContaining("wrong-secret");
    assertThat(crowd.requests()).isEmpty();
  }
}
