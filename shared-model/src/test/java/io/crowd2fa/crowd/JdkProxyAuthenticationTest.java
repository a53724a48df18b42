package io.crowd2fa.crowd;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the JDK would drop the client's Basic proxy credentials, read as the JDK reads them. */
class JdkProxyAuthenticationTest {

  private static final URI HTTPS_CROWD = URI.create("https://crowd.example.com/crowd");
  private static final URI HTTP_CROWD = URI.create("http://crowd.example.com:8095/crowd");
  private static final HttpProxy WITH_CREDENTIALS =
      new HttpProxy(
          "proxy.example.com", 3128, Optional.of("proxy-user"), Optional.of(new Password("s")));
  private static final HttpProxy WITHOUT_CREDENTIALS =
      new HttpProxy("proxy.example.com", 3128, Optional.empty(), Optional.empty());

  private static Optional<String> refusal(URI crowd, HttpProxy proxy, Map<String, String> net) {
    return JdkProxyAuthentication.refusal(crowd, proxy, net::get);
  }

  @Test
  void theJdkDefaultRefusesBasicForHttpsTunnelsAndTheMessageSaysWhatToSet() {
    assertThat(
            refusal(
                HTTPS_CROWD,
                WITH_CREDENTIALS,
                Map.of("jdk.http.auth.tunneling.disabledSchemes", "Basic")))
        .hasValueSatisfying(
            problem ->
                assertThat(problem)
                    .contains("-Djdk.http.auth.tunneling.disabledSchemes=")
                    .contains("CONNECT")
                    .contains("http.proxy.password"));
  }

  @Test
  void schemesAreCommaSeparatedAndComparedIgnoringCaseAsTheJdkDoes() {
    assertThat(
            refusal(
                HTTPS_CROWD,
                WITH_CREDENTIALS,
                Map.of("jdk.http.auth.tunneling.disabledSchemes", " Digest , BASIC ")))
        .isPresent();
    assertThat(
            refusal(
                HTTPS_CROWD,
                WITH_CREDENTIALS,
                Map.of("jdk.http.auth.tunneling.disabledSchemes", "Digest,NTLM")))
        .isEmpty();
  }

  @Test
  void anEmptiedOrAbsentPropertyLetsTheCredentialsThrough() {
    assertThat(
            refusal(
                HTTPS_CROWD,
                WITH_CREDENTIALS,
                Map.of("jdk.http.auth.tunneling.disabledSchemes", "")))
        .isEmpty();
    assertThat(refusal(HTTPS_CROWD, WITH_CREDENTIALS, Map.of())).isEmpty();
  }

  @Test
  void aPlainHttpCrowdUrlIsGovernedByTheProxyingPropertyNotTheTunnellingOne() {
    assertThat(
            refusal(
                HTTP_CROWD,
                WITH_CREDENTIALS,
                Map.of("jdk.http.auth.tunneling.disabledSchemes", "Basic")))
        .isEmpty();
    assertThat(
            refusal(
                HTTP_CROWD,
                WITH_CREDENTIALS,
                Map.of("jdk.http.auth.proxying.disabledSchemes", "Basic")))
        .hasValueSatisfying(
            problem -> assertThat(problem).contains("-Djdk.http.auth.proxying.disabledSchemes="));
  }

  @Test
  void aProxyWithoutCredentialsIsNeverRefused() {
    assertThat(
            refusal(
                HTTPS_CROWD,
                WITHOUT_CREDENTIALS,
                Map.of("jdk.http.auth.tunneling.disabledSchemes", "Basic")))
        .isEmpty();
  }

  @Test
  void thisJvmResolvesThePropertyAsTheJdkDoesFromNetProperties() {
    assertThat(System.getProperty("jdk.http.auth.tunneling.disabledSchemes")).isNull();
    assertThat(JdkProxyAuthentication.refusal(HTTPS_CROWD, WITH_CREDENTIALS)).isPresent();
  }
}
