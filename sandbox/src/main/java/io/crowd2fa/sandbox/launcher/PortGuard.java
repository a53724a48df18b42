package io.crowd2fa.sandbox.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Checks before anything starts that a port is free, so a clash ends with one clear message. */
final class PortGuard {

  private PortGuard() {}

  static void requireFree(String what, int port, String property) {
    if (port == 0) {
      return;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new SandboxLaunchException(
          "Port "
              + port
              + " for "
              + what
              + " is already in use. Stop whatever listens there, or choose another port with -D"
              + property
              + "=<port> (or --"
              + property.substring(SandboxSettings.PREFIX.length())
              + "=<port>).",
          e);
    }
  }
}
