package io.crowd2fa.sandbox.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxTest {

  @TempDir Path home;

  private Properties settings(int jiraPort) {
    Properties properties = new Properties();
    properties.setProperty(SandboxSettings.HOME, home.toString());
    properties.setProperty(SandboxSettings.CROWD_PORT, "0");
    properties.setProperty(SandboxSettings.JIRA_PORT, Integer.toString(jiraPort));
    properties.setProperty(SandboxSettings.CONFLUENCE_PORT, "0");
    properties.setProperty(
        SandboxSettings.PLUGIN_JAR, home.resolve("missing-plugin.jar").toString());
    properties.setProperty(
        SandboxSettings.AUTHENTICATOR_JAR, home.resolve("missing-seraph.jar").toString());
    return properties;
  }

  @Test
  void startWhenJiraPortTakenThenRefusesBeforeWritingOrStartingAnything() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      assertThatThrownBy(() -> Sandbox.start(SandboxSettings.from(settings(port))))
          .isInstanceOf(SandboxLaunchException.class)
          .hasMessageStartingWith("Port " + port + " for the Jira-like app is already in use.");
    }
    assertThat(home).isEmptyDirectory();
  }

  @Test
  void startWhenPluginJarMissingThenSaysHowToBuildItAndLeavesNoServerRunning() throws Exception {
    int jiraPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      jiraPort = probe.getLocalPort();
    }

    assertThatThrownBy(() -> Sandbox.start(SandboxSettings.from(settings(jiraPort))))
        .isInstanceOf(SandboxLaunchException.class)
        .hasMessageContaining("missing-plugin.jar does not exist")
        .hasMessageContaining("./mvnw -B -q install -DskipTests");

    try (ServerSocket free = new ServerSocket(jiraPort, 1, InetAddress.getLoopbackAddress())) {
      assertThat(free.isBound()).isTrue();
    }
  }
}
