package io.crowd2fa.crowd;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * A scripted HTTP server on loopback that records what the client sends and answers what the test
 * says, to pin the client's side of the wire format without the sandbox's stand-in.
 */
final class FakeCrowd implements AutoCloseable {

  record Recorded(
      String method, String path, String query, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .map(entry -> entry.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  record Answer(int status, String contentType, String body, Map<String, String> headers) {
    Answer(int status, String contentType, String body) {
      this(status, contentType, body, Map.of());
    }
  }

  private final HttpServer server;
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final AtomicReference<Function<Recorded, Answer>> script =
      new AtomicReference<>(request -> new Answer(500, "text/plain", "not scripted"));

  FakeCrowd() throws IOException {
    this(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
  }

  /** The same scripted server behind TLS, presenting {@code tls}'s certificate. */
  static FakeCrowd https(SSLContext tls) throws IOException {
    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    return new FakeCrowd(server);
  }

  private FakeCrowd(HttpServer server) {
    this.server = server;
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Recorded recorded =
              new Recorded(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getRawPath(),
                  exchange.getRequestURI().getRawQuery(),
                  Map.copyOf(exchange.getRequestHeaders()),
                  body);
          requests.add(recorded);
          Answer current = script.get().apply(recorded);
          current.headers().forEach(exchange.getResponseHeaders()::set);
          byte[] bytes = current.body().getBytes(StandardCharsets.UTF_8);
          if (current.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", current.contentType());
          }
          exchange.sendResponseHeaders(current.status(), bytes.length == 0 ? -1 : bytes.length);
          if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
          }
          exchange.close();
        });
    server.start();
  }

  void answer(int status, String json) {
    answer(new Answer(status, "application/json", json));
  }

  void answer(int status, String contentType, String body) {
    answer(new Answer(status, contentType, body));
  }

  void answer(Answer fixed) {
    script.set(request -> fixed);
  }

  /** Answers each request as {@code script} says, e.g. by its query. */
  void answerBy(Function<Recorded, Answer> script) {
    this.script.set(script);
  }

  List<Recorded> requests() {
    return List.copyOf(requests);
  }

  /** Where a client must be pointed to use this server as its HTTP proxy. */
  int port() {
    return server.getAddress().getPort();
  }

  InetSocketAddress address() {
    return server.getAddress();
  }

  Recorded lastRequest() {
    return requests.get(requests.size() - 1);
  }

  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/crowd");
  }

  CrowdClient client(String application, String password) {
    return CrowdClient.create(CrowdClientConfig.of(baseUrl(), application, new Password(password)));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
