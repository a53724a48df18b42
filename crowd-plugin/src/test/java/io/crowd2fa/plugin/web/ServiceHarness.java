package io.crowd2fa.plugin.web;

import io.crowd2fa.sandbox.crowd.CrowdStandIn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.h2.tools.Server;

/**
 * The 2FA servlet on its own embedded Tomcat 9 (as the standalone runner hosts it), against the
 * sandbox's Crowd stand-in, with an H2 database served over TCP so a test can take it away.
 */
public final class ServiceHarness implements AutoCloseable {

  static final String SERVICE_PATH = "/crowd/plugins/servlet/2fa";
  static final String JIRA = "https://jira.example.com";
  static final String CONFLUENCE = "https://confluence.example.com/wiki";

  final TestClock clock = new TestClock(Instant.parse("2026-11-28T10:00:00Z"));
  final Path home;
  public final CrowdStandIn crowd;
  final Server h2;
  final String jdbcUrl;
  private final Tomcat tomcat;
  final URI base;
  private final List<String> extraConfiguration;

  public ServiceHarness() throws Exception {
    this(List.of());
  }

  /** A service whose configuration file also holds {@code extraConfiguration} lines. */
  public ServiceHarness(List<String> extraConfiguration) throws Exception {
    this.extraConfiguration = List.copyOf(extraConfiguration);
    home = Files.createTempDirectory("crowd2fa-web-test");
    int crowdPort = freePort();
    crowd = CrowdStandIn.builder().port(crowdPort).clock(clock).build().start();
    h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
    String dbName = "web" + UUID.randomUUID().toString().replace("-", "");
    jdbcUrl =
        "jdbc:h2:tcp://localhost:"
            + h2.getPort()
            + "/mem:"
            + dbName
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    int port = freePort();
    base = URI.create("http://localhost:" + port + SERVICE_PATH);
    Path config = writeConfiguration(crowd.baseUrl());
    tomcat = new Tomcat();
    tomcat.setBaseDir(home.resolve("tomcat").toString());
    tomcat.setPort(port);
    tomcat.getConnector();
    Context context = tomcat.addContext("/crowd", null);
    Wrapper wrapper = Tomcat.addServlet(context, "crowd2fa", new TwoFactorServlet());
    wrapper.addInitParameter(TwoFactorServlet.CONFIG_PARAM, config.toString());
    // Started with Tomcat (not on the first request), with the test clock already in place.
    wrapper.setLoadOnStartup(1);
    context.addServletContainerInitializer(
        (classes, servletContext) ->
            servletContext.setAttribute(TwoFactorServlet.CLOCK_ATTRIBUTE, clock),
        null);
    context.addServletMappingDecoded("/plugins/servlet/2fa/*", "crowd2fa");
    tomcat.start();
  }

  /** Writes a configuration for a service at {@code serviceBase} against this stand-in. */
  public Path writeConfiguration(URI crowdBase, URI serviceBase, String name) throws IOException {
    Path config = writeConfiguration(crowdBase);
    String text = Files.readString(config).replace(base.toString(), serviceBase.toString());
    Path other = home.resolve(name);
    Files.writeString(other, text);
    return other;
  }

  private Path writeConfiguration(URI crowdBase) throws IOException {
    Path crowdProperties = home.resolve("crowd.properties");
    Files.writeString(
        crowdProperties,
        "application.name=crowd2fa\napplication.password=crowd2fa-secret\ncrowd.base.url="
            + crowdBase
            + "\n");
    Path policy = home.resolve("policy.json");
    try (InputStream in = ServiceHarness.class.getResourceAsStream("test-policy.json")) {
      Files.write(policy, in.readAllBytes());
    }
    Path config = home.resolve("crowd2fa.properties");
    Files.writeString(
        config,
        String.join(
            "\n",
            "crowd2fa.service.base-url=" + base,
            "crowd2fa.crowd.properties=" + crowdProperties,
            "crowd2fa.db.url=" + jdbcUrl,
            "crowd2fa.db.user=sa",
            "crowd2fa.key-file=" + home.resolve("master.keys"),
            "crowd2fa.products=jira=" + JIRA + ",confluence=" + CONFLUENCE,
            "crowd2fa.totp.issuer=Crowd2FA Test",
            "crowd2fa.webauthn.rp-id=localhost",
            "crowd2fa.webauthn.origins=" + "http://localhost:" + base.getPort(),
            "crowd2fa.policy.file=" + policy,
            String.join("\n", extraConfiguration),
            ""));
    return config;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** A browser: its own cookie jar, redirects not followed so each step can be inspected. */
  public Browser browser() {
    return new Browser();
  }

  /** Audit events as {@code TYPE/OUTCOME} strings, oldest first. */
  List<String> auditEvents() {
    return query(
        "SELECT event_type, outcome FROM audit_event ORDER BY id",
        row -> row.getString(1) + "/" + row.getString(2));
  }

  List<String> auditDetails(String type) {
    return query(
        "SELECT coalesce(username, '-') || ' ' || coalesce(detail, '') FROM audit_event"
            + " WHERE event_type = '"
            + type
            + "' ORDER BY id",
        row -> row.getString(1));
  }

  /**
   * Writes an audit event straight into the table, as if the service had logged it at {@code at}.
   */
  void appendAuditEvent(
      Instant at, String username, String client, String type, String outcome, String detail) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "sa", "");
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO audit_event (occurred_at, username, client_address, user_agent,"
                    + " event_type, outcome, detail) VALUES (?, ?, ?, 'test', ?, ?, ?)")) {
      insert.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
      insert.setString(2, username);
      insert.setString(3, client);
      insert.setString(4, type);
      insert.setString(5, outcome);
      insert.setString(6, detail);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private interface Row<T> {
    T read(ResultSet row) throws SQLException;
  }

  private <T> List<T> query(String sql, Row<T> mapper) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "sa", "");
        PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rows.next()) {
        out.add(mapper.read(rows));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws Exception {
    try {
      tomcat.stop();
      tomcat.destroy();
    } catch (LifecycleException e) {
      throw new IllegalStateException(e);
    } finally {
      crowd.close();
      h2.stop();
    }
  }

  /** One user agent. */
  public final class Browser {
    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public HttpResponse<String> get(String pathAndQuery) {
      return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET());
    }

    /** POSTs a form with this browser's CSRF token added. */
    HttpResponse<String> post(String path, Map<String, String> fields) {
      Map<String, String> all = new LinkedHashMap<>(fields);
      cookie(CsrfGuard.COOKIE).ifPresent(token -> all.put(CsrfGuard.FIELD, token));
      return postRaw(path, encode(all));
    }

    HttpResponse<String> postRaw(String path, String body) {
      return send(
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        return http.send(
            request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    Optional<String> cookie(String name) {
      return cookies.getCookieStore().getCookies().stream()
          .filter(c -> c.getName().equals(name) && !c.hasExpired() && !c.getValue().isEmpty())
          .map(HttpCookie::getValue)
          .findFirst();
    }

    void setCookie(String name, String value, String path) {
      HttpCookie cookie = new HttpCookie(name, value);
      cookie.setPath(path);
      cookie.setVersion(0);
      cookies.getCookieStore().add(URI.create("http://localhost:" + base.getPort()), cookie);
    }

    void removeCookie(String name) {
      List<HttpCookie> matching =
          cookies.getCookieStore().getCookies().stream()
              .filter(c -> c.getName().equals(name))
              .toList();
      matching.forEach(c -> cookies.getCookieStore().remove(null, c));
    }
  }

  static String encode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
