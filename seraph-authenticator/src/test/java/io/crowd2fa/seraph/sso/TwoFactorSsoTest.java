package io.crowd2fa.seraph.sso;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.seraph.testing.FakeCrowd;
import io.crowd2fa.seraph.testing.FakeFetcher;
import io.crowd2fa.seraph.testing.FakeRequest;
import io.crowd2fa.seraph.testing.FakeResponse;
import io.crowd2fa.seraph.testing.LogCapture;
import io.crowd2fa.seraph.testing.MutableClock;
import io.crowd2fa.seraph.testing.TestSettings;
import io.crowd2fa.seraph.testing.TokenMint;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TwoFactorSsoTest {

  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final String TOKEN = "tok-alice-1";

  private final MutableClock clock = new MutableClock(NOW);
  private final TokenMint service = new TokenMint("k1");
  private final FakeFetcher serviceEndpoints = new FakeFetcher();
  private final FakeCrowd crowd = new FakeCrowd();
  private final Product product = new Product(Set.of("alice", "bob", "rescue"));
  private TwoFactorSso sso;

  @BeforeEach
  void setUp() {
    serviceEndpoints
        .serve(TestSettings.JWKS_PATH, TokenMint.jwks(service))
        .serve(TestSettings.POLICY_QUERY, TestSettings.policy());
    crowd.sessions.put(TOKEN, "alice");
    sso = new TwoFactorSso(TestSettings.standard(), serviceEndpoints, crowd, clock);
  }

  private String assertion(String user, String token, Instant authTime, String... amr) {
    return service.sign(TokenMint.claims(user, token, authTime, Duration.ofHours(12), amr).build());
  }

  private FakeRequest browser(String token, String assertion) {
    FakeRequest request = new FakeRequest();
    if (token != null) {
      request.cookie("crowd.token_key", token);
    }
    if (assertion != null) {
      request.cookie("crowd2fa.assertion", assertion);
    }
    return request;
  }

  /** The next request of the same browser: same cookies, same HTTP session. */
  private static FakeRequest again(FakeRequest previous) {
    FakeRequest next = new FakeRequest();
    next.cookies = previous.cookies;
    next.session = previous.session;
    return next;
  }

  private Principal signIn() {
    FakeRequest request = browser(TOKEN, assertion("alice", TOKEN, NOW.minusSeconds(60)));
    lastRequest = request;
    return sso.getUser(request, new FakeResponse(), product);
  }

  private FakeRequest lastRequest;

  @Test
  void getUserWhenNoCookieThenNullAndNoCrowdCall() {
    FakeResponse response = new FakeResponse();

    assertThat(sso.getUser(browser(null, null), response, product)).isNull();
    assertThat(crowd.validations).isZero();
    assertThat(response.status).isEqualTo(200);
    assertThat(response.redirect).isNull();
  }

  @Test
  void getUserWhenApiClientWithoutCookieThen401JsonNamingLoginUrl() {
    FakeRequest request = browser(null, null).header("Accept", "application/json");
    FakeResponse response = new FakeResponse();

    assertThat(sso.getUser(request, response, product)).isNull();
    assertThat(response.status).isEqualTo(401);
    assertThat(response.headers)
        .containsEntry("X-Crowd2FA-Login-Url", TestSettings.SERVICE + "/login");
    assertThat(response.contentType).startsWith("application/json");
    assertThat(response.body()).contains("\"error\":\"authentication_required\"");
    assertThat(response.redirect).isNull();
  }

  @Test
  void getUserWhenValidTokenAndAssertionThenProductSessionEstablished() {
    Principal user = signIn();

    assertThat(user.getName()).isEqualTo("alice");
    assertThat(product.established).containsExactly("alice");
    assertThat(crowd.validations).isEqualTo(1);
    assertThat(crowd.factorsSeen.get(0).factors())
        .extracting("name")
        .containsExactly("remote_address");
    SessionRecord record =
        (SessionRecord) lastRequest.session.getAttribute(TwoFactorSso.SESSION_RECORD);
    assertThat(record.username()).isEqualTo("alice");
    assertThat(record.validatedAtMillis()).isEqualTo(NOW.toEpochMilli());
  }

  @Test
  void getUserWhenManyRequestsInOneValidationIntervalThenExactlyOneCrowdCall() {
    signIn();
    FakeRequest request = lastRequest;
    for (int i = 0; i < 50; i++) {
      clock.advance(Duration.ofSeconds(2));
      request = again(request);
      assertThat(sso.getUser(request, new FakeResponse(), product).getName()).isEqualTo("alice");
    }
    assertThat(crowd.validations).isEqualTo(1);

    clock.advance(Duration.ofSeconds(20));
    sso.getUser(again(request), new FakeResponse(), product);
    assertThat(crowd.validations).isEqualTo(2);
    assertThat(product.established).containsExactly("alice", "alice");
  }

  @Test
  void getUserWhenParallelRequestsOfOneSessionAfterTheIntervalThenStillOneCrowdCall()
      throws Exception {
    signIn();
    FakeRequest first = again(lastRequest);
    FakeRequest second = again(lastRequest);
    clock.advance(Duration.ofMinutes(3));
    crowd.gate = new java.util.concurrent.CountDownLatch(1);
    crowd.entered = new java.util.concurrent.CountDownLatch(1);
    Principal[] results = new Principal[2];
    Thread a = new Thread(() -> results[0] = sso.getUser(first, new FakeResponse(), product));
    a.start();
    assertThat(crowd.entered.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    Thread b = new Thread(() -> results[1] = sso.getUser(second, new FakeResponse(), product));
    b.start();
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (b.getState() != Thread.State.BLOCKED && b.isAlive() && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(b.getState()).isEqualTo(Thread.State.BLOCKED);
    crowd.gate.countDown();
    a.join(10_000);
    b.join(10_000);

    assertThat(crowd.validations).isEqualTo(2);
    assertThat(results).extracting(Principal::getName).containsExactly("alice", "alice");
  }

  @Test
  void getUserWhenTokenRevokedElsewhereThenNoticedAtTheNextValidationInterval() {
    signIn();
    crowd.sessions.remove(TOKEN);

    clock.advance(Duration.ofSeconds(119));
    FakeRequest within = again(lastRequest);
    assertThat(sso.getUser(within, new FakeResponse(), product)).isNotNull();

    clock.advance(Duration.ofSeconds(1));
    FakeRequest after = again(within);
    assertThat(sso.getUser(after, new FakeResponse(), product)).isNull();
    assertThat(product.cleared).isEqualTo(1);
    assertThat(after.session.getAttribute(TwoFactorSso.SESSION_RECORD)).isNull();
    assertThat(sso.getUser(again(after), new FakeResponse(), product)).isNull();
  }

  @Test
  void getUserWhenCrowdSaysInvalidThenNullAndNoSession() {
    crowd.sessions.clear();

    assertThat(signIn()).isNull();
    assertThat(product.established).isEmpty();
  }

  @Test
  void getUserWhenCrowdDownThenFailClosedAndApiClientTold() {
    signIn();
    crowd.down = true;
    clock.advance(Duration.ofMinutes(3));
    FakeRequest request = again(lastRequest).header("X-Requested-With", "XMLHttpRequest");
    FakeResponse response = new FakeResponse();

    try (LogCapture log = new LogCapture(TwoFactorSso.class)) {
      assertThat(sso.getUser(request, response, product)).isNull();
      assertThat(log.lines())
          .anyMatch(l -> l.startsWith("WARNING") && l.contains("Crowd could not validate"));
    }
    assertThat(product.cleared).isEqualTo(1);
    assertThat(response.status).isEqualTo(401);
    assertThat(response.body()).contains("authentication_unavailable");
  }

  @Test
  void getUserWhenCrowdUserDiffersFromSubjectThenRefused() {
    crowd.sessions.put(TOKEN, "bob");

    assertThat(signIn()).isNull();
    assertThat(product.established).isEmpty();
  }

  @Test
  void getUserWhenForgedSignatureThenStepUpRedirectAndNoCrowdCall() {
    String forged =
        new TokenMint("k1")
            .sign(TokenMint.claims("alice", TOKEN, NOW, Duration.ofHours(1)).build());
    FakeResponse response = new FakeResponse();

    try (LogCapture log = new LogCapture(TwoFactorSso.class)) {
      assertThat(sso.getUser(browser(TOKEN, forged), response, product)).isNull();
      assertThat(log.lines()).anyMatch(l -> l.contains("assertion BAD_SIGNATURE"));
    }
    assertThat(crowd.validations).isZero();
    assertThat(response.redirect).startsWith(TestSettings.SERVICE + "/verify?os_destination=");
  }

  @Test
  void getUserWhenAlgNoneOrHmacConfusionThenRefused() {
    var claims = TokenMint.claims("alice", TOKEN, NOW, Duration.ofHours(1)).build();

    try (LogCapture log = new LogCapture(TwoFactorSso.class)) {
      assertThat(sso.getUser(browser(TOKEN, service.unsigned(claims)), new FakeResponse(), product))
          .isNull();
      assertThat(log.lines()).anyMatch(l -> l.contains("assertion UNACCEPTABLE_HEADER"));
    }
    assertThat(
            sso.getUser(
                browser(TOKEN, service.hmacWithPublicKey(claims)), new FakeResponse(), product))
        .isNull();
    assertThat(crowd.validations).isZero();
    assertThat(product.established).isEmpty();
  }

  @Test
  void getUserWhenAssertionExpiredThenRefused() {
    String expired =
        service.sign(
            TokenMint.claims("alice", TOKEN, NOW.minusSeconds(7200), Duration.ofHours(1)).build());

    assertThat(sso.getUser(browser(TOKEN, expired), new FakeResponse(), product)).isNull();
    assertThat(crowd.validations).isZero();
  }

  @Test
  void getUserWhenAssertionBindsAnotherTokenThenRefused() {
    crowd.sessions.put("tok-mallory", "alice");
    String aliceAssertion = assertion("alice", TOKEN, NOW);

    assertThat(sso.getUser(browser("tok-mallory", aliceAssertion), new FakeResponse(), product))
        .isNull();
    assertThat(crowd.validations).isZero();
  }

  @Test
  void getUserWhenKidRotatedThenJwksRefetchedAndSignedIn() {
    signIn();
    TokenMint rotated = new TokenMint("k2");
    serviceEndpoints.serve(TestSettings.JWKS_PATH, TokenMint.jwks(service, rotated));
    crowd.sessions.put("tok-alice-2", "alice");
    clock.advance(Duration.ofSeconds(31));
    String assertion =
        rotated.sign(TokenMint.claims("alice", "tok-alice-2", NOW, Duration.ofHours(1)).build());

    assertThat(sso.getUser(browser("tok-alice-2", assertion), new FakeResponse(), product))
        .isNotNull();
    assertThat(serviceEndpoints.count(TestSettings.JWKS_PATH)).isEqualTo(2);
  }

  @Test
  void getUserWhenSecondFactorTooOldForAdminPathThenStepUpButDashboardFine() {
    crowd.sessions.put(TOKEN, "alice");
    String oldish = assertion("alice", TOKEN, NOW.minusSeconds(3600));
    FakeRequest dashboard = browser(TOKEN, oldish);
    assertThat(sso.getUser(dashboard, new FakeResponse(), product)).isNotNull();

    FakeRequest admin = again(dashboard).path("/secure/admin/ViewUsers.jspa");
    admin.queryString = "a=1";
    FakeResponse response = new FakeResponse();

    assertThat(sso.getUser(admin, response, product)).isNull();
    assertThat(response.redirect)
        .isEqualTo(
            TestSettings.SERVICE
                + "/verify?os_destination="
                + java.net.URLEncoder.encode(
                    "http://localhost/jira/secure/admin/ViewUsers.jspa?a=1",
                    StandardCharsets.UTF_8));
  }

  @Test
  void getUserWhenTooOldAndApiClientThen401StepUpRequired() {
    FakeRequest request =
        browser(TOKEN, assertion("alice", TOKEN, NOW.minusSeconds(30000)))
            .header("Accept", "application/json");
    FakeResponse response = new FakeResponse();

    assertThat(sso.getUser(request, response, product)).isNull();
    assertThat(response.status).isEqualTo(401);
    assertThat(response.headers)
        .containsEntry("X-Crowd2FA-Step-Up-Url", TestSettings.SERVICE + "/verify");
    assertThat(response.body()).contains("step_up_required");
  }

  @Test
  void getUserWhenPolicyExemptAssertionThenHonouredDespiteAge() {
    FakeRequest request =
        browser(TOKEN, assertion("alice", TOKEN, NOW.minusSeconds(30000), "pwd"))
            .path("/secure/admin/x");

    assertThat(sso.getUser(request, new FakeResponse(), product)).isNotNull();
  }

  @Test
  void getUserWhenPolicyUnavailableThenFailClosed() {
    serviceEndpoints.down = true;

    assertThat(signIn()).isNull();
    assertThat(crowd.validations).isZero();
  }

  @Test
  void getUserWhenProductLacksTheUserThenRefused() {
    crowd.sessions.put("tok-carol", "carol");
    String assertion = assertion("carol", "tok-carol", NOW);

    assertThat(sso.getUser(browser("tok-carol", assertion), new FakeResponse(), product)).isNull();
  }

  @Test
  void getUserWhenSessionPrincipalExistsButCookieTokenChangedThenRevalidated() {
    signIn();
    crowd.sessions.put("tok-bob", "bob");
    FakeRequest request = browser("tok-bob", assertion("bob", "tok-bob", NOW));
    request.session = lastRequest.session;

    assertThat(sso.getUser(request, new FakeResponse(), product).getName()).isEqualTo("bob");
    assertThat(crowd.validations).isEqualTo(2);
  }

  @Test
  void getUserWhenRepeatedInOneRefusedRequestThenOneAnswer() {
    FakeRequest request = browser(TOKEN, "garbage").header("Accept", "application/json");
    FakeResponse response = new FakeResponse();

    sso.getUser(request, response, product);
    sso.getUser(request, response, product);

    assertThat(response.body()).containsOnlyOnce("error");
  }

  @Test
  void getUserWhenFirstAskedWithoutResponseThenLaterCallStillAnswersTheApiClient() {
    FakeRequest request = browser(TOKEN, "garbage").header("X-Requested-With", "XMLHttpRequest");
    FakeResponse response = new FakeResponse();

    assertThat(sso.getUser(request, null, product)).isNull();
    assertThat(sso.getUser(request, response, product)).isNull();

    assertThat(response.status).isEqualTo(401);
    assertThat(response.body()).contains("step_up_required");
  }

  @Test
  void getUserWhenBasicForOrdinaryUserThenRefusedWith401() {
    FakeRequest request = browser(null, null).header("Authorization", basic("alice", "pw"));
    FakeResponse response = new FakeResponse();

    assertThat(sso.getUser(request, response, product)).isNull();
    assertThat(product.basicLogins).isZero();
    assertThat(response.status).isEqualTo(401);
  }

  @Test
  void getUserWhenBasicForBreakGlassAccountThenProductChecksPassword() {
    FakeRequest request = browser(null, null).header("Authorization", basic("rescue", "pw"));

    assertThat(sso.getUser(request, new FakeResponse(), product).getName()).isEqualTo("rescue");
    assertThat(product.basicLogins).isEqualTo(1);
  }

  @Test
  void mayUsePasswordOnlyForBreakGlassAccounts() {
    assertThat(sso.mayUsePassword("alice", new FakeRequest())).isFalse();
    assertThat(sso.mayUsePassword("rescue", new FakeRequest())).isTrue();
    assertThat(sso.mayUsePassword(null, new FakeRequest())).isFalse();
  }

  @Test
  void getUserWhenBreakGlassSessionThenServedWithoutCrowd() {
    FakeRequest request = new FakeRequest();
    request.getSession().setAttribute("user", new Named("rescue"));
    sso.passwordLoginSucceeded(request, "rescue");

    assertThat(sso.getUser(again(request), new FakeResponse(), product).getName())
        .isEqualTo("rescue");
    assertThat(crowd.validations).isZero();
  }

  @Test
  void getUserWhenSessionClaimsBreakGlassForOrdinaryUserThenIgnored() {
    FakeRequest request = new FakeRequest();
    request.getSession().setAttribute("user", new Named("alice"));
    request.getSession().setAttribute(TwoFactorSso.BREAK_GLASS_USER, "alice");

    assertThat(sso.getUser(again(request), new FakeResponse(), product)).isNull();
  }

  @Test
  void beforeProductLogoutThenCrowdSessionEndedAndBothCookiesExpired() {
    signIn();
    FakeRequest request = again(lastRequest);
    FakeResponse response = new FakeResponse();

    sso.beforeProductLogout(request, response);

    assertThat(crowd.invalidated).containsExactly(TOKEN);
    assertThat(response.cookies)
        .extracting(c -> c.getName() + ":" + c.getMaxAge())
        .containsExactlyInAnyOrder("crowd.token_key:0", "crowd2fa.assertion:0");
    assertThat(request.session.getAttribute(TwoFactorSso.SESSION_RECORD)).isNull();
    assertThat(sso.getUser(again(request), new FakeResponse(), product)).isNull();
  }

  @Test
  void beforeProductLogoutWhenCrowdDownThenCookiesStillExpired() {
    crowd.down = true;
    FakeResponse response = new FakeResponse();

    sso.beforeProductLogout(browser(TOKEN, "x"), response);

    assertThat(response.cookies).hasSize(2);
  }

  @Test
  void fromInitParamsWhenMisconfiguredThenProblemsListedAndEveryoneButBreakGlassRefused() {
    TwoFactorSso broken =
        TwoFactorSso.fromInitParams(
            java.util.Map.of("crowd2fa.breakglass.users", "rescue"), getClass().getClassLoader());
    FakeRequest request = browser(TOKEN, assertion("alice", TOKEN, NOW));

    assertThat(broken.configurationProblems()).isNotEmpty();
    assertThat(broken.getUser(request, new FakeResponse(), product)).isNull();
    assertThat(broken.mayUsePassword("alice", request)).isFalse();
    assertThat(broken.mayUsePassword("rescue", request)).isTrue();
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.ISO_8859_1));
  }

  record Named(String name) implements Principal {
    @Override
    public String getName() {
      return name;
    }
  }

  /** The product side: users, a session attribute, and counters of what the core asked for. */
  static final class Product implements ProductBridge {
    final Set<String> users;
    final List<String> established = new java.util.ArrayList<>();
    int cleared;
    int basicLogins;

    Product(Set<String> users) {
      this.users = users;
    }

    @Override
    public Principal sessionUser(HttpServletRequest request) {
      return (Principal) request.getSession().getAttribute("user");
    }

    @Override
    public Principal findUser(String username) {
      return users.contains(username) ? new Named(username) : null;
    }

    @Override
    public boolean establishSession(
        HttpServletRequest request, HttpServletResponse response, Principal principal) {
      established.add(principal.getName());
      request.getSession().setAttribute("user", principal);
      return true;
    }

    @Override
    public void clearSession(HttpServletRequest request) {
      cleared++;
      request.getSession().removeAttribute("user");
    }

    @Override
    public Principal basicLogin(HttpServletRequest request, HttpServletResponse response) {
      basicLogins++;
      return new Named("rescue");
    }
  }
}
