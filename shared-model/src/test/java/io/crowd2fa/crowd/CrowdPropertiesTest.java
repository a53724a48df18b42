package io.crowd2fa.crowd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrowdPropertiesTest {

  @TempDir Path dir;

  private Path write(String content) throws IOException {
    Path file = dir.resolve("crowd.properties");
    Files.writeString(file, content, StandardCharsets.ISO_8859_1);
    return file;
  }

  @Test
  void loadWhenTypicalProductFileThenEveryKeyRead() throws IOException {
    Path file =
        write(
            """
            application.name                        jira
            application.password                    jira-secret
            application.login.url                   http://localhost:8080/
            crowd.server.url                        http://localhost:8095/crowd/services/
            crowd.base.url                          http://localhost:8095/crowd/
            session.isauthenticated                 session.isauthenticated
            session.tokenkey                        session.tokenkey
            session.validationinterval              2
            session.lastvalidation                  session.lastvalidation
            cookie.tokenkey                         my.token_key
            cookie.domain                           example.com
            http.timeout                            1500
            socket.timeout                          2500
            http.max.connections                    7
            """);

    CrowdClientConfig config = CrowdProperties.load(file);

    assertThat(config.applicationName()).isEqualTo("jira");
    assertThat(config.applicationPassword().value()).isEqualTo("jira-secret");
    assertThat(config.baseUrl()).isEqualTo(URI.create("http://localhost:8095/crowd"));
    assertThat(config.restBaseUrl())
        .isEqualTo(URI.create("http://localhost:8095/crowd/rest/usermanagement/1/"));
    assertThat(config.applicationLoginUrl()).contains(URI.create("http://localhost:8080/"));
    assertThat(config.sessionValidationInterval()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.cookieTokenKey()).isEqualTo("my.token_key");
    assertThat(config.cookieDomain()).contains("example.com");
    assertThat(config.httpTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(config.socketTimeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(config.httpMaxConnections()).isEqualTo(7);
  }

  @Test
  void loadWhenOnlyEssentialsThenCrowdDefaults() throws IOException {
    Path file =
        write(
            "application.name=crowd2fa\napplication.password=s\n"
                + "crowd.base.url=http://localhost:8095/crowd\n");

    CrowdClientConfig config = CrowdProperties.load(file);

    assertThat(config.cookieTokenKey()).isEqualTo("crowd.token_key");
    assertThat(config.sessionValidationInterval()).isEqualTo(Duration.ZERO);
    assertThat(config.httpTimeout()).isEqualTo(Duration.ofMillis(5000));
    assertThat(config.socketTimeout()).isEqualTo(Duration.ofMillis(20000));
    assertThat(config.httpMaxConnections()).isEqualTo(20);
    assertThat(config.cookieDomain()).isEqualTo(Optional.empty());
    assertThat(config.applicationLoginUrl()).isEqualTo(Optional.empty());
  }

  @Test
  void loadWhenOnlyServerUrlThenBaseUrlDerivedByDroppingServices() throws IOException {
    Path file =
        write(
            "application.name=jira\napplication.password=s\n"
                + "crowd.server.url=https://crowd.example.com:8443/crowd/services/\n");

    assertThat(CrowdProperties.load(file).baseUrl())
        .isEqualTo(URI.create("https://crowd.example.com:8443/crowd"));
  }

  @Test
  void loadWhenApplicationNameMissingThenErrorNamesKeyAndFile() throws IOException {
    Path file = write("application.password=s\ncrowd.base.url=http://localhost:8095/crowd\n");

    assertThatThrownBy(() -> CrowdProperties.load(file))
        .isInstanceOf(CrowdConfigurationException.class)
        .hasMessageContaining("application.name")
        .hasMessageContaining(file.toAbsolutePath().toString())
        .satisfies(
            e -> assertThat(((CrowdConfigurationException) e).key()).isEqualTo("application.name"));
  }

  @Test
  void loadWhenApplicationPasswordBlankThenErrorNamesKeyAndFile() throws IOException {
    Path file =
        write("application.name=jira\napplication.password=   \ncrowd.base.url=http://h/crowd\n");

    assertThatThrownBy(() -> CrowdProperties.load(file))
        .isInstanceOf(CrowdConfigurationException.class)
        .hasMessageContaining("'application.password'")
        .hasMessageContaining(file.toAbsolutePath().toString());
  }

  @Test
  void loadWhenNoCrowdUrlThenErrorNamesBaseUrlKeyAndFile() throws IOException {
    Path file = write("application.name=jira\napplication.password=s\n");

    assertThatThrownBy(() -> CrowdProperties.load(file))
        .isInstanceOf(CrowdConfigurationException.class)
        .hasMessageContaining("crowd.base.url")
        .hasMessageContaining("crowd.server.url")
        .hasMessageContaining(file.toAbsolutePath().toString());
  }

  @Test
  void loadWhenBaseUrlNotAbsoluteThenErrorNamesKeyAndFile() throws IOException {
    Path file = write("application.name=j\napplication.password=s\ncrowd.base.url=/crowd\n");

    assertThatThrownBy(() -> CrowdProperties.load(file))
        .isInstanceOf(CrowdConfigurationException.class)
        .hasMessageContaining("'crowd.base.url'")
        .hasMessageContaining(file.toAbsolutePath().toString());
  }

  @Test
  void loadWhenBaseUrlNotHttpThenErrorNamesKeyAndFile() throws IOException {
    Path file = write("application.name=j\napplication.password=s\ncrowd.base.url=ftp://h/crowd\n");

    assertThatThrownBy(() -> CrowdProperties.load(file))
        .isInstanceOf(CrowdConfigurationException.class)
        .hasMessageContaining("'crowd.base.url'")
        .hasMessageContaining("http or https");
  }

  @Test
  void loadWhenValidationIntervalNotANumberThenErrorNamesKeyAndFile() throws IOException {
    Path file = write(essentials() + "session.validationinterval=two\n");

    assertThatThrownBy(() -> CrowdProperties.load(file))
        .isInstanceOf(CrowdConfigurationException.class)
        .hasMessageContaining("'session.validationinterval'")
        .hasMessageContaining(file.toAbsolutePath().toString())
        .hasMessageContaining("two");
  }

  @Test
  void loadWhenTimeoutNegativeThenErrorNamesKey() throws IOException {
    Path file = write(essentials() + "socket.timeout=-1\n");

    assertThatThrownBy(() -> CrowdProperties.load(file))
        .isInstanceOf(CrowdConfigurationException.class)
        .hasMessageContaining("'socket.timeout'")
        .hasMessageContaining(">= 0");
  }

  @Test
  void loadWhenHttpTimeoutMalformedThenErrorNamesKey() throws IOException {
    Path file = write(essentials() + "http.timeout=5s\n");

    assertThatThrownBy(() -> CrowdProperties.load(file))
        .isInstanceOf(CrowdConfigurationException.class)
        .hasMessageContaining("'http.timeout'");
  }

  @Test
  void loadWhenMaxConnectionsZeroThenErrorNamesKey() throws IOException {
    Path file = write(essentials() + "http.max.connections=0\n");

    assertThatThrownBy(() -> CrowdProperties.load(file))
        .isInstanceOf(CrowdConfigurationException.class)
        .hasMessageContaining("'http.max.connections'");
  }

  @Test
  void loadWhenLoginUrlMalformedThenErrorNamesKey() throws IOException {
    Path file = write(essentials() + "application.login.url=not a url\n");

    assertThatThrownBy(() -> CrowdProperties.load(file))
        .isInstanceOf(CrowdConfigurationException.class)
        .hasMessageContaining("'application.login.url'");
  }

  @Test
  void loadWhenFileMissingThenErrorNamesFile() {
    Path missing = dir.resolve("nowhere/crowd.properties");

    assertThatThrownBy(() -> CrowdProperties.load(missing))
        .isInstanceOf(CrowdConfigurationException.class)
        .hasMessageContaining(missing.toAbsolutePath().toString());
  }

  @Test
  void loadResourceWhenAbsentThenErrorNamesResource() {
    assertThatThrownBy(
            () -> CrowdProperties.loadResource(getClass().getClassLoader(), "absent.properties"))
        .isInstanceOf(CrowdConfigurationException.class)
        .hasMessageContaining("classpath:absent.properties");
  }

  @Test
  void loadWhenPasswordPresentThenNeverInErrorsOrToString() throws IOException {
    Path file =
        write(
            "application.name=jira\napplication.password=TopSecret-42\n"
                + "crowd.base.url=http://localhost:8095/crowd\nhttp.timeout=x\n");

    assertThatThrownBy(() -> CrowdProperties.load(file)).hasMessageNotContaining("TopSecret-42");
    CrowdClientConfig config =
        CrowdProperties.load(write(essentials().replace("=s\n", "=TopSecret-42\n")));
    assertThat(config.toString()).doesNotContain("TopSecret-42").contains("redacted");
  }

  @Test
  void loadWhenSystemPropertyOverridesKeyThenOverrideWinsAsInCrowd() throws IOException {
    Path file = write(essentials());
    CrowdProperties.Overrides overrides =
        CrowdProperties.Overrides.of(
            name -> name.equals("crowd.property.application.password") ? "from-system" : null,
            name -> null);

    CrowdClientConfig config = CrowdProperties.load(file, overrides);

    assertThat(config.applicationPassword().value()).isEqualTo("from-system");
    assertThat(config.applicationName()).isEqualTo("jira");
  }

  @Test
  void loadWhenEnvironmentVariableAndSwitchOnThenEnvironmentOverridesFile() throws IOException {
    Path file = write(essentials());
    CrowdProperties.Overrides on =
        CrowdProperties.Overrides.of(
            name -> name.equals("atlassian.use.environment.variables") ? "true" : null,
            name -> name.equals("CROWD_PROPERTY_HTTP_TIMEOUT") ? "750" : null);
    CrowdProperties.Overrides off =
        CrowdProperties.Overrides.of(
            name -> null, name -> name.equals("CROWD_PROPERTY_HTTP_TIMEOUT") ? "750" : null);

    assertThat(CrowdProperties.load(file, on).httpTimeout()).isEqualTo(Duration.ofMillis(750));
    assertThat(CrowdProperties.load(file, off).httpTimeout())
        .isEqualTo(CrowdClientConfig.DEFAULT_HTTP_TIMEOUT);
  }

  @Test
  void loadWhenOverrideMalformedThenErrorNamesKeyAndOverrideNotFile() throws IOException {
    Path file = write(essentials());
    CrowdProperties.Overrides overrides =
        CrowdProperties.Overrides.of(
            name -> name.equals("crowd.property.socket.timeout") ? "soon" : null, name -> null);

    assertThatThrownBy(() -> CrowdProperties.load(file, overrides))
        .isInstanceOf(CrowdConfigurationException.class)
        .hasMessageContaining("'socket.timeout'")
        .hasMessageContaining("system property crowd.property.socket.timeout");
  }

  private static String essentials() {
    return "application.name=jira\napplication.password=s\n"
        + "crowd.base.url=http://localhost:8095/crowd\n";
  }
}
