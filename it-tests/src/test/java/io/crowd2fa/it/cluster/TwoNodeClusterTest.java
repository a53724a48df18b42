package io.crowd2fa.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.crowd2fa.it.totp.Rfc6238;
import io.crowd2fa.sandbox.crowd.CrowdStandIn;
import io.crowd2fa.sandbox.launcher.SandboxClock;
import io.crowd2fa.sandbox.launcher.SandboxSettings;
import io.crowd2fa.sandbox.launcher.TwoFactorServiceJar;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes of the 2FA service (two servlet instances of the built plugin jar on two embedded
 * Tomcats) on ONE real PostgreSQL, one Crowd stand-in, no load balancer: each request names its
 * node. Proves that single-use state and lockouts are cluster-wide (DESIGN D6, invariants 2 and 4).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterTest {

  private static final String JIRA = "http://localhost:1/jira";

  @TempDir static Path home;

  private static SharedPostgres postgres;
  private static CrowdStandIn crowd;
  private static TwoFactorServiceJar plugin;
  private static ServiceNode nodeA;
  private static ServiceNode nodeB;
  private static final SandboxClock CLOCK = SandboxClock.systemUtc();

  /**
   * Node A's own clock: the shared one plus an offset, so one node can be moved ahead of the other
   * as a node whose key is due for rotation first would be.
   */
  private static final SandboxClock NODE_A_CLOCK = SandboxClock.over(CLOCK);

  /** Default of {@code crowd2fa.keys.rotation-interval}; the nodes' config leaves it unset. */
  private static final Duration ROTATION_INTERVAL = Duration.ofDays(30);

  @BeforeAll
  static void startClusterOnOneDatabase() throws Exception {
    postgres = SharedPostgres.start();
    crowd = CrowdStandIn.builder().port(0).clock(CLOCK).build().start();
    Path crowdProperties = home.resolve("crowd.properties");
    Files.writeString(
        crowdProperties,
        "application.name=crowd2fa\napplication.password=crowd2fa-secret\n"
            + "crowd.base.url="
            + crowd.baseUrl()
            + "/\nsession.validationinterval=0\n");
    Path policy = home.resolve("policy.json");
    try (InputStream in =
        TwoNodeClusterTest.class.getResourceAsStream("/policies/it-policy.json")) {
      Files.copy(in, policy);
    }
    Files.createDirectories(home.resolve("keys"));
    plugin = TwoFactorServiceJar.open(Path.of(System.getProperty(SandboxSettings.PLUGIN_JAR)));
    // The test's own PostgreSQL driver registered with DriverManager first, as a host's would in
    // Crowd: the plugin must still find its own driver (it names the driver class explicitly).
    int portA = freePort();
    int portB = freePort();
    nodeA = startNode(portA, crowdProperties, policy, NODE_A_CLOCK);
    nodeB = startNode(portB, crowdProperties, policy, CLOCK);
  }

  private static ServiceNode startNode(int port, Path crowdProperties, Path policy, Clock clock)
      throws IOException {
    Path config = home.resolve("node-" + port + ".properties");
    Files.writeString(
        config,
        String.join(
            "\n",
            "crowd2fa.service.base-url=" + ServiceNode.baseUrl(port),
            "crowd2fa.crowd.properties=" + crowdProperties,
            "crowd2fa.db.url=" + postgres.jdbcUrl(),
            "crowd2fa.db.user=" + postgres.user(),
            "crowd2fa.db.password=",
            // Both nodes must open secrets the other sealed: one key, shared like the database.
            "crowd2fa.key-file=" + home.resolve("keys/crowd2fa-secrets.key"),
            "crowd2fa.products=jira=" + JIRA,
            "crowd2fa.webauthn.rp-id=localhost",
            "crowd2fa.webauthn.origins=http://localhost:" + port,
            "crowd2fa.policy.file=" + policy,
            ""));
    return ServiceNode.start(port, plugin.newServlet(), config, clock);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    for (AutoCloseable running : new AutoCloseable[] {nodeA, nodeB, crowd, plugin, postgres}) {
      if (running != null) {
        running.close();
      }
    }
  }

  @Test
  void sameTotpCodeSentToBothNodesAtOnceSucceedsOnlyOnce() throws Exception {
    Rfc6238 app = enrol("alice", "alice123", nodeA);
    Visitor first = new Visitor();
    Visitor second = new Visitor();
    passwordStep(first, nodeA, "alice", "alice123");
    passwordStep(second, nodeB, "alice", "alice123");
    String code = app.codeAt(CLOCK.advance(Duration.ofSeconds(30)));

    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<HttpResponse<String>> onA = pool.submit(atOnce(start, first, nodeA, code));
      Future<HttpResponse<String>> onB = pool.submit(atOnce(start, second, nodeB, code));
      start.countDown();
      List<HttpResponse<String>> answers = List.of(onA.get(), onB.get());

      assertThat(answers).filteredOn(TwoNodeClusterTest::signedIn).hasSize(1);
      assertThat(answers).filteredOn(r -> r.body().contains("That code did not work")).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void wrongCodesSpreadOverBothNodesEndInOneSharedLockout() throws Exception {
    enrol("bob", "bob123", nodeA);
    Visitor attacker = new Visitor();
    passwordStep(attacker, nodeA, "bob", "bob123");

    for (int attempt = 0; attempt < 4; attempt++) {
      ServiceNode node = attempt % 2 == 0 ? nodeA : nodeB;
      HttpResponse<String> answer = challenge(attacker, node, "000000");
      assertThat(answer.body()).contains("That code did not work");
    }
    // The fifth wrong code, wherever it lands, trips the lockout and already shows it.
    HttpResponse<String> tripping = challenge(attacker, nodeA, "000000");
    HttpResponse<String> locked = challenge(attacker, nodeB, "000000");

    assertThat(tripping.body()).contains("verification is paused");
    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.body()).contains("verification is paused");
  }

  @Test
  void loginStartedOnNodeAIsFinishedOnNodeB() throws Exception {
    Rfc6238 app = enrol("admin", "admin123", nodeA);
    Visitor visitor = new Visitor();
    passwordStep(visitor, nodeA, "admin", "admin123");

    HttpResponse<String> done =
        challenge(visitor, nodeB, app.codeAt(CLOCK.advance(Duration.ofSeconds(30))));

    assertThat(signedIn(done)).isTrue();
    assertThat(visitor.cookie("crowd.token_key")).isPresent();
    assertThat(visitor.cookie("crowd2fa.assertion")).isPresent();
  }

  @Test
  void assertionIssuedByNodeAVerifiesWithNodeBsJwks() throws Exception {
    Visitor contractor = new Visitor();
    // contractor is exempt by the test policy: the password completes the login on node A.
    passwordStep(contractor, nodeA, "contractor", "contractor123");
    SignedJWT assertion = SignedJWT.parse(contractor.cookie("crowd2fa.assertion").orElseThrow());

    JWKSet nodeBKeys =
        JWKSet.parse(new Visitor().get(nodeB.baseUrl() + "/.well-known/jwks.json").body());
    ECKey key = (ECKey) nodeBKeys.getKeyByKeyId(assertion.getHeader().getKeyID());

    assertThat(key).as("node B publishes the key node A signed with").isNotNull();
    assertThat(assertion.verify(new ECDSAVerifier(key))).isTrue();
    assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo("contractor");
  }

  // Runs last: it leaves node A's clock a month ahead, which the TOTP steps of the other tests
  // (computed from the shared clock) would not match.
  @Test
  @Order(Integer.MAX_VALUE)
  void keyRotatedOnNodeAByAgeIsAcceptedThroughNodeBsJwksAndOldAssertionsStayValid()
      throws Exception {
    String before = signedOnNodeA().getHeader().getKeyID();
    NODE_A_CLOCK.advance(ROTATION_INTERVAL.minusHours(1));
    SignedJWT issuedBeforeRotation = signedOnNodeA();
    assertThat(issuedBeforeRotation.getHeader().getKeyID()).isEqualTo(before);

    NODE_A_CLOCK.advance(Duration.ofHours(1).plusMinutes(1));
    SignedJWT issuedAfterRotation = signedOnNodeA();
    String rotated = issuedAfterRotation.getHeader().getKeyID();

    assertThat(rotated)
        .as("node A signs with a new key once the old one is due")
        .isNotEqualTo(before);
    JWKSet nodeBKeys =
        JWKSet.parse(new Visitor().get(nodeB.baseUrl() + "/.well-known/jwks.json").body());
    assertThat(nodeBKeys.getKeys())
        .extracting(k -> k.getKeyID())
        .as("node B publishes the new key and still the previous one")
        .contains(rotated, before);
    assertThat(acceptedWith(nodeBKeys, issuedAfterRotation, NODE_A_CLOCK.instant())).isTrue();
    assertThat(acceptedWith(nodeBKeys, issuedBeforeRotation, NODE_A_CLOCK.instant()))
        .as("an assertion signed before the rotation is valid until its own expiry")
        .isTrue();
    assertThat(signedOnNodeA().getHeader().getKeyID())
        .as("the rotation happened once: node A keeps the new key")
        .isEqualTo(rotated);
    assertThat(auditDetails("SIGNING_KEY_ROTATED"))
        .as("the rotation is audited once, naming the old and the new kid")
        .singleElement()
        .asString()
        .contains("kid " + before + " -> " + rotated + " is current");
  }

  /** What a Crowd admin sees in the audit log, read from the database both nodes share. */
  private static List<String> auditDetails(String eventType) throws Exception {
    try (Connection db = postgres.connect();
        PreparedStatement select =
            db.prepareStatement("SELECT detail FROM audit_event WHERE event_type = ?")) {
      select.setString(1, eventType);
      try (ResultSet rows = select.executeQuery()) {
        List<String> details = new ArrayList<>();
        while (rows.next()) {
          details.add(rows.getString(1));
        }
        return details;
      }
    }
  }

  // ---- steps

  /** An assertion node A issues now: contractor is exempt, so the password step completes. */
  private static SignedJWT signedOnNodeA() throws Exception {
    Visitor contractor = new Visitor();
    passwordStep(contractor, nodeA, "contractor", "contractor123");
    return SignedJWT.parse(contractor.cookie("crowd2fa.assertion").orElseThrow());
  }

  /** What a product's authenticator does: key by kid from the JWKS, signature, then expiry. */
  private static boolean acceptedWith(JWKSet keys, SignedJWT assertion, Instant now)
      throws Exception {
    ECKey key = (ECKey) keys.getKeyByKeyId(assertion.getHeader().getKeyID());
    return key != null
        && assertion.verify(new ECDSAVerifier(key))
        && now.isBefore(assertion.getJWTClaimsSet().getExpirationTime().toInstant());
  }

  private static Rfc6238 enrol(String user, String password, ServiceNode node) throws Exception {
    Visitor visitor = new Visitor();
    passwordStep(visitor, node, user, password);
    visitor.get(node.baseUrl() + "/enrol");
    HttpResponse<String> totp = visitor.post(node.baseUrl() + "/enrol/totp", Map.of());
    Rfc6238 app = Rfc6238.sha1SixDigits(Visitor.totpKey(totp));
    HttpResponse<String> codes =
        visitor.post(
            node.baseUrl() + "/enrol/totp/finish",
            Map.of("credential", Visitor.credential(totp), "code", app.codeAt(CLOCK.instant())));
    assertThat(codes.body()).contains("Save your recovery codes");
    HttpResponse<String> finished =
        visitor.post(node.baseUrl() + "/enrol/codes", Map.of("saved", "yes"));
    assertThat(signedIn(finished)).isTrue();
    return app;
  }

  private static void passwordStep(Visitor visitor, ServiceNode node, String user, String password)
      throws Exception {
    visitor.get(node.baseUrl() + "/login?os_destination=" + JIRA + "/");
    HttpResponse<String> next =
        visitor.post(
            node.baseUrl() + "/login",
            Map.of("os_username", user, "os_password", password, "os_destination", JIRA + "/"));
    assertThat(isRedirect(next)).as("password step answer %s", next.statusCode()).isTrue();
    if (next.headers().firstValue("Location").orElse("").endsWith("/challenge")) {
      visitor.get(node.baseUrl() + "/challenge");
    }
  }

  private static HttpResponse<String> challenge(Visitor visitor, ServiceNode node, String code)
      throws Exception {
    return visitor.post(node.baseUrl() + "/challenge", Map.of("method", "otp", "code", code));
  }

  private static Callable<HttpResponse<String>> atOnce(
      CountDownLatch start, Visitor visitor, ServiceNode node, String code) {
    return () -> {
      start.await();
      return challenge(visitor, node, code);
    };
  }

  private static boolean signedIn(HttpResponse<String> response) {
    return isRedirect(response)
        && response.headers().firstValue("Location").orElse("").startsWith(JIRA);
  }

  private static boolean isRedirect(HttpResponse<String> response) {
    return response.statusCode() == 302 || response.statusCode() == 303;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
