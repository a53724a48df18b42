package io.crowd2fa.seraph.jira;

import static io.crowd2fa.seraph.testing.ProductFixture.again;
import static io.crowd2fa.seraph.testing.ProductFixture.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.seraph.auth.AuthenticationContextAwareAuthenticator;
import com.atlassian.seraph.auth.DefaultAuthenticator;
import com.atlassian.seraph.auth.LoginReason;
import io.crowd2fa.sandbox.product.ProductDirectory;
import io.crowd2fa.sandbox.product.RememberMeCookies;
import io.crowd2fa.seraph.sso.TwoFactorSso;
import io.crowd2fa.seraph.testing.FakeRequest;
import io.crowd2fa.seraph.testing.FakeResponse;
import io.crowd2fa.seraph.testing.LogCapture;
import io.crowd2fa.seraph.testing.ProductFixture;
import io.crowd2fa.seraph.testing.TestSettings;
import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JiraTwoFactorAuthenticatorTest {

  private final ProductFixture fixture =
      new ProductFixture(JiraTwoFactorAuthenticator.class.getName(), Set.of("jira-software-users"));
  private final JiraTwoFactorAuthenticator authenticator = new JiraTwoFactorAuthenticator();
  private final LogCapture log = new LogCapture(TwoFactorSso.class);

  @BeforeEach
  void setUp() {
    authenticator.init(Map.of(), fixture.config);
    authenticator.useCore(fixture.core());
  }

  @AfterEach
  void tearDown() {
    log.close();
  }

  @Test
  void classExtendsJirasOwnAuthenticatorAndIsContextAware() {
    assertThat(new JiraTwoFactorAuthenticator())
        .isInstanceOf(com.atlassian.jira.security.login.JiraSeraphAuthenticator.class);
    assertThat(
            JiraTwoFactorAuthenticator.class.isAnnotationPresent(
                AuthenticationContextAwareAuthenticator.class))
        .isTrue();
  }

  @Test
  void initWhenNoCrowdPropertiesThenMisconfigurationLoggedOnceAndEveryoneRefused() {
    JiraTwoFactorAuthenticator unconfigured = new JiraTwoFactorAuthenticator();
    int before = log.lines().size();
    unconfigured.init(Map.of("crowd2fa.service.url", TestSettings.SERVICE), fixture.config);
    FakeRequest request = fixture.signedInBrowser("alice", "tok-a");

    assertThat(unconfigured.getUser(request, new FakeResponse())).isNull();
    assertThat(unconfigured.getUser(again(request), new FakeResponse())).isNull();
    var lines = log.lines().subList(before, log.lines().size());
    assertThat(lines).filteredOn(l -> l.contains("MISCONFIGURED")).hasSize(1);
    assertThat(lines).anyMatch(l -> l.startsWith("SEVERE") && l.contains("crowd.properties"));
  }

  @Test
  void getUserWhenValidSsoThenJiraSessionHoldsTheProductsPrincipal() {
    FakeRequest request = fixture.signedInBrowser("alice", "tok-a");

    Principal user = authenticator.getUser(request, new FakeResponse());

    assertThat(user).isEqualTo(new ProductDirectory.ProductPrincipal("alice"));
    assertThat(request.session.getAttribute(DefaultAuthenticator.LOGGED_IN_USER_ID_KEY))
        .isEqualTo("alice");
    assertThat(authenticator.getRemoteUser(again(request))).isEqualTo("alice");
    assertThat(fixture.crowd.validations).isEqualTo(1);
  }

  @Test
  void getUserWhenOneValidationIntervalOfRequestsThenExactlyOneCrowdCallPerSession() {
    FakeRequest first = fixture.signedInBrowser("alice", "tok-a");
    authenticator.getUser(first, new FakeResponse());
    FakeRequest request = first;
    for (int i = 0; i < 100; i++) {
      fixture.clock.advance(Duration.ofMillis(1190));
      request = again(request);
      assertThat(authenticator.getUser(request, new FakeResponse()).getName()).isEqualTo("alice");
    }
    assertThat(fixture.crowd.validations).isEqualTo(1);

    FakeRequest otherSession = fixture.signedInBrowser("bob", "tok-b");
    authenticator.getUser(otherSession, new FakeResponse());
    authenticator.getUser(again(otherSession), new FakeResponse());
    assertThat(fixture.crowd.validations).isEqualTo(2);
  }

  @Test
  void getUserWhenCrowdUserMayNotUseJiraThenRefusedAndSessionEmpty() {
    FakeRequest request = fixture.signedInBrowser("contractor", "tok-c");

    assertThat(authenticator.getUser(request, new FakeResponse())).isNull();
    assertThat(
            request.session == null
                || request.session.getAttribute(DefaultAuthenticator.LOGGED_IN_USER_ID_KEY) == null)
        .isTrue();
  }

  @Test
  void getUserWhenTokenRevokedThenSessionPrincipalClearedAfterInterval() {
    FakeRequest request = fixture.signedInBrowser("alice", "tok-a");
    authenticator.getUser(request, new FakeResponse());
    fixture.crowd.sessions.remove("tok-a");
    fixture.clock.advance(Duration.ofMinutes(2));

    FakeRequest later = again(request);
    assertThat(authenticator.getUser(later, new FakeResponse())).isNull();
    assertThat(later.session.getAttribute(DefaultAuthenticator.LOGGED_OUT_KEY)).isEqualTo(true);
    assertThat(log.lines()).anyMatch(l -> l.contains("Crowd reports the SSO token invalid"));
  }

  @Test
  void loginWhenOrdinaryUserWithCorrectPasswordThenRefusedAndLogSaysWhereToSignIn()
      throws Exception {
    FakeRequest request = new FakeRequest();

    boolean accepted = authenticator.login(request, new FakeResponse(), "alice", "alice123", true);

    assertThat(accepted).isFalse();
    assertThat(request.session).isNull();
    assertThat(log.lines())
        .anyMatch(
            l ->
                l.contains("password login refused for 'alice'")
                    && l.contains(TestSettings.SERVICE + "/login"));
  }

  @Test
  void loginWhenBreakGlassAccountThenProductChecksPasswordAndNoRememberMeCookie() throws Exception {
    FakeRequest request = new FakeRequest();
    FakeResponse response = new FakeResponse();

    assertThat(authenticator.login(request, response, "rescue", "wrong", true)).isFalse();
    assertThat(authenticator.login(request, response, "rescue", "rescue123", true)).isTrue();

    assertThat(response.cookies)
        .noneMatch(c -> c.getName().equals(RememberMeCookies.COOKIE) && c.getMaxAge() != 0);
    assertThat(authenticator.getUser(again(request), new FakeResponse()).getName())
        .isEqualTo("rescue");
    assertThat(fixture.crowd.validations).isZero();
    assertThat(log.lines())
        .anyMatch(l -> l.contains("break-glass password login attempted for 'rescue'"));
  }

  @Test
  void getUserWhenRememberMeCookieOfTheProductThenNobodySignedIn() {
    FakeRequest request =
        new FakeRequest().cookie(RememberMeCookies.COOKIE, fixture.rememberMe.remember("alice"));

    assertThat(authenticator.getUser(request, new FakeResponse())).isNull();
  }

  @Test
  void getUserWhenHttpBasicWithCorrectPasswordThenRefusedWith401() {
    FakeRequest request = new FakeRequest().header("Authorization", basic("alice", "alice123"));
    FakeResponse response = new FakeResponse();

    assertThat(authenticator.getUser(request, response)).isNull();
    assertThat(response.status).isEqualTo(401);
    assertThat(response.headers).containsKey("X-Crowd2FA-Login-Url");
    assertThat(log.lines())
        .anyMatch(l -> l.contains("HTTP Basic with a password is not accepted for 'alice'"));
  }

  @Test
  void getUserWhenHttpBasicForBreakGlassThenJiraChecksThePassword() {
    FakeRequest good = new FakeRequest().header("Authorization", basic("rescue", "rescue123"));
    FakeRequest bad = new FakeRequest().header("Authorization", basic("rescue", "nope"));
    FakeResponse badResponse = new FakeResponse();

    assertThat(authenticator.getUser(good, new FakeResponse()).getName()).isEqualTo("rescue");
    assertThat(authenticator.getUser(bad, badResponse)).isNull();
    assertThat(badResponse.status).isEqualTo(401);
  }

  @Test
  void logoutThenCrowdSessionEndedCookiesExpiredAndJiraLoggedOut() throws Exception {
    FakeRequest request = fixture.signedInBrowser("alice", "tok-a");
    authenticator.getUser(request, new FakeResponse());
    FakeRequest logout = again(request);
    FakeResponse response = new FakeResponse();

    assertThat(authenticator.logout(logout, response)).isTrue();

    assertThat(fixture.crowd.invalidated).containsExactly("tok-a");
    assertThat(response.cookies)
        .filteredOn(c -> c.getMaxAge() == 0)
        .extracting(c -> c.getName())
        .contains("crowd.token_key", "crowd2fa.assertion");
    assertThat(LoginReason.OUT.isStamped(logout)).isTrue();
    assertThat(logout.session.getAttribute(DefaultAuthenticator.LOGGED_OUT_KEY)).isEqualTo(true);
    assertThat(authenticator.getUser(again(logout), new FakeResponse())).isNull();
  }
}
