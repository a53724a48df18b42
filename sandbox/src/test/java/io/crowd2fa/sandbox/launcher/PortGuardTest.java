package io.crowd2fa.sandbox.launcher;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortGuardTest {

  @Test
  void requireFreeWhenPortTakenThenMessageNamesPortAndHowToChangeIt() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      assertThatThrownBy(
              () -> PortGuard.requireFree("the Crowd stand-in", port, SandboxSettings.CROWD_PORT))
          .isInstanceOf(SandboxLaunchException.class)
          .hasMessageContaining("Port " + port + " for the Crowd stand-in is already in use")
          .hasMessageContaining("-Dcrowd2fa.sandbox.crowd.port=<port>")
          .hasMessageContaining("--crowd.port=<port>");
    }
  }

  @Test
  void requireFreeWhenPortFreeThenPasses() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }

    assertThatCode(() -> PortGuard.requireFree("Jira", port, SandboxSettings.JIRA_PORT))
        .doesNotThrowAnyException();
  }
}
