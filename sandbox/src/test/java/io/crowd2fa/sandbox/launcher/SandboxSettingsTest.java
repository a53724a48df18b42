package io.crowd2fa.sandbox.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxSettingsTest {

  @TempDir Path repo;

  private Properties properties() {
    Properties properties = new Properties();
    properties.setProperty(SandboxSettings.REPO, repo.toString());
    properties.setProperty(SandboxSettings.HOME, repo.resolve("home").toString());
    return properties;
  }

  @Test
  void fromWhenNothingSetThenDocumentedPortsAndJarsUnderRepository() {
    SandboxSettings settings = SandboxSettings.from(properties());

    assertThat(settings.crowdPort()).isEqualTo(8095);
    assertThat(settings.jiraPort()).isEqualTo(8080);
    assertThat(settings.confluencePort()).isEqualTo(8090);
    assertThat(settings.authenticatorJar())
        .isEqualTo(repo.resolve("seraph-authenticator/target/crowd2fa-seraph.jar"));
    assertThat(settings.pluginJar().getParent()).isEqualTo(repo.resolve("crowd-plugin/target"));
  }

  @Test
  void fromWhenArgumentAndPropertyBothSetThenArgumentWins() {
    Properties properties = properties();
    properties.setProperty(SandboxSettings.JIRA_PORT, "9080");

    SandboxSettings settings = SandboxSettings.from(properties, "--jira.port=7080");

    assertThat(settings.jiraPort()).isEqualTo(7080);
  }

  @Test
  void fromWhenPortNotANumberThenClearMessage() {
    assertThatThrownBy(() -> SandboxSettings.from(properties(), "--crowd.port=http"))
        .isInstanceOf(SandboxLaunchException.class)
        .hasMessage("crowd2fa.sandbox.crowd.port must be a port number, was 'http'");
  }

  @Test
  void fromWhenArgumentMalformedThenRefused() {
    assertThatThrownBy(() -> SandboxSettings.from(properties(), "crowd.port"))
        .isInstanceOf(SandboxLaunchException.class)
        .hasMessageContaining("Use --name=value");
  }
}
