package io.crowd2fa.crowd;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal HTTP proxy on loopback that only tunnels ({@code CONNECT}): it records each CONNECT
 * request, answers 407 when it requires credentials the request did not carry, and otherwise pipes
 * bytes both ways to one fixed target whatever host was asked for, so Crowd's host name need not
 * resolve. Daemon threads only; {@link #close()} closes every socket it opened.
 */
final class ConnectProxy implements AutoCloseable {

  /** One CONNECT request as the proxy read it; header names lower-cased. */
  record Connect(String requestLine, Map<String, String> headers) {
    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
  }

  private static final int MAX_HEADER_BYTES = 16 * 1024;

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final Optional<String> requiredAuthorization;
  private final List<Connect> connects = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  /**
   * @param requiredAuthorization the exact {@code Proxy-Authorization} value a CONNECT must carry,
   *     or empty for an open proxy
   */
  ConnectProxy(InetSocketAddress target, Optional<String> requiredAuthorization)
      throws IOException {
    this.target = target;
    this.requiredAuthorization = requiredAuthorization;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon("connect-proxy-accept", this::acceptLoop);
  }

  int port() {
    return server.getLocalPort();
  }

  List<Connect> connects() {
    return List.copyOf(connects);
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        sockets.add(client);
        daemon("connect-proxy-client", () -> serve(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      List<String> lines = readHead(in);
      if (lines.isEmpty()) {
        client.close();
        return;
      }
      Map<String, String> headers = new java.util.LinkedHashMap<>();
      for (String line : lines.subList(1, lines.size())) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.put(
              line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
              line.substring(colon + 1).trim());
        }
      }
      Connect connect = new Connect(lines.get(0), Map.copyOf(headers));
      connects.add(connect);
      if (!lines.get(0).startsWith("CONNECT ")) {
        respondAndClose(client, out, "405 Method Not Allowed", "");
        return;
      }
      if (requiredAuthorization.isPresent()
          && !requiredAuthorization.equals(connect.header("Proxy-Authorization"))) {
        respondAndClose(
            client,
            out,
            "407 Proxy Authentication Required",
            "Proxy-Authenticate: Basic realm=\"test-proxy\"\r\n");
        return;
      }
      Socket upstream = new Socket(target.getAddress(), target.getPort());
      sockets.add(upstream);
      out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      daemon("connect-proxy-up", () -> pipe(in, upstream, client));
      pipe(upstream.getInputStream(), client, upstream);
    } catch (IOException e) {
      closeQuietly(client);
    }
  }

  private static void respondAndClose(Socket client, OutputStream out, String status, String extra)
      throws IOException {
    out.write(
        ("HTTP/1.1 " + status + "\r\n" + extra + "Content-Length: 0\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    client.close();
  }

  private static void pipe(InputStream from, Socket to, Socket source) {
    byte[] buffer = new byte[8192];
    try {
      OutputStream out = to.getOutputStream();
      int read;
      while ((read = from.read(buffer)) >= 0) {
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException endOfTunnel) {
      // Either side closed: the tunnel is over.
    }
    closeQuietly(to);
    closeQuietly(source);
  }

  /** The request line and header lines, bounded so a broken client cannot grow it. */
  private static List<String> readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        return List.of();
      }
      head.write(b);
      if (head.size() > MAX_HEADER_BYTES) {
        throw new IOException("request head too long");
      }
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.US_ASCII);
    List<String> lines = new ArrayList<>(List.of(text.split("\r\n")));
    lines.removeIf(String::isEmpty);
    return lines;
  }

  private static void daemon(String name, Runnable work) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException alreadyGone) {
      // Nothing left to release.
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException alreadyClosed) {
      // Nothing left to release.
    }
    sockets.forEach(ConnectProxy::closeQuietly);
  }
}
