package com.atlassian.seraph.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.atlassianapi.testing.SeraphWorld;
import io.crowd2fa.atlassianapi.testing.SeraphWorld.NamedPrincipal;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

/** getUser(request, response) looks in the session, then the remember-me cookie, then Basic. */
class DefaultAuthenticatorLookupOrderTest extends AuthenticatorFixture {

  @Test
  void sessionUserWinsOverRememberMeCookieAndBasicHeader() {
    authenticator.putPrincipalInSessionContext(request, new NamedPrincipal("alice"));
    world.rememberMeCookieFor("bob");
    request.header("Authorization", basic("bob", "bob-pw"));

    assertThat(authenticator.getUser(request, response)).isEqualTo(new NamedPrincipal("alice"));
    assertThat(world.events()).isEmpty();
    assertThat(response.headerValues(LoginReason.X_SERAPH_LOGIN_REASON)).containsExactly("OK");
  }

  @Test
  void rememberMeCookieLogsInWhenTheSessionHasNoUser() {
    world.rememberMeCookieFor("bob");

    assertThat(authenticator.getUser(request, response)).isEqualTo(new NamedPrincipal("bob"));
    assertThat(request.session().attributes())
        .containsEntry(DefaultAuthenticator.LOGGED_IN_USER_ID_KEY, "bob");
    assertThat(world.events()).containsExactly("rememberMe.read", "guard.succeeded:bob");
    assertThat(LoginReason.OK.isStamped(request)).isTrue();
  }

  @Test
  void rememberMeCookieComesBeforeBasicHeader() {
    world.rememberMeCookieFor("bob");
    request.header("Authorization", basic("alice", "alice-pw"));

    assertThat(authenticator.getUser(request, response)).isEqualTo(new NamedPrincipal("bob"));
    assertThat(world.events()).doesNotContain("directory.authenticate:alice");
  }

  @Test
  void rememberMeCookieIsNotReadOnceTheRequestIsStampedLoggedOut() {
    world.rememberMeCookieFor("bob");
    LoginReason.OUT.stampRequestResponse(request, response);

    assertThat(authenticator.getUser(request, response)).isNull();
    assertThat(world.events()).doesNotContain("rememberMe.read");
  }

  @Test
  void rememberMeCookieOfUserWithoutLoginPermissionIsRefused() {
    world.rememberMeCookieFor("mallory");

    assertThat(authenticator.getUser(request, response)).isNull();
    assertThat(LoginReason.AUTHORISATION_FAILED.isStamped(request)).isTrue();
    assertThat(world.events()).contains("guard.failed:mallory");
  }

  @Test
  void rememberMeCookieIsRefusedWhenTheElevatedSecurityGuardSaysNo() {
    world.rememberMeCookieFor("bob").guardDenies();

    assertThat(authenticator.getUser(request, response)).isNull();
    assertThat(LoginReason.AUTHENTICATION_DENIED.isStamped(request)).isTrue();
    assertThat(request.session()).isNull();
  }

  @Test
  void basicHeaderAloneIsEnoughToAttemptAPasswordLogin() {
    request.header("Authorization", basic("alice", "alice-pw"));

    assertThat(authenticator.getUser(request, response)).isEqualTo(new NamedPrincipal("alice"));
    assertThat(request.session().attributes())
        .containsEntry(DefaultAuthenticator.LOGGED_IN_USER_ID_KEY, "alice");
    assertThat(world.events()).contains("directory.authenticate:alice", "guard.succeeded:alice");
  }

  @Test
  void basicRequestedWithoutHeaderAnswersWithAChallenge() {
    request.query(SeraphWorld.AUTH_TYPE_PARAMETER, "basic");

    assertThat(authenticator.getUser(request, response)).isNull();
    assertThat(response.getStatus()).isEqualTo(HttpServletResponse.SC_UNAUTHORIZED);
    assertThat(response.headerValues("WWW-Authenticate"))
        .containsExactly("Basic realm=\"protected-area\"");
  }

  @Test
  void basicWithWrongPasswordIsRejectedWith401AndCountedByTheGuard() {
    request.header("Authorization", basic("alice", "guess"));

    assertThat(authenticator.getUser(request, response)).isNull();
    assertThat(LoginReason.AUTHENTICATED_FAILED.isStamped(request)).isTrue();
    assertThat(response.getStatus()).isEqualTo(HttpServletResponse.SC_UNAUTHORIZED);
    assertThat(response.errorMessage()).endsWith("AUTHENTICATED_FAILED");
    assertThat(world.events()).contains("guard.failed:alice");
  }

  @Test
  void basicIsRefusedWithoutTryingThePasswordWhenTheGuardSaysNo() {
    world.guardDenies();
    request.header("Authorization", basic("alice", "alice-pw"));

    assertThat(authenticator.getUser(request, response)).isNull();
    assertThat(LoginReason.AUTHENTICATION_DENIED.isStamped(request)).isTrue();
    assertThat(world.events()).doesNotContain("directory.authenticate:alice");
  }

  @Test
  void noCredentialsAtAllIsAnonymousWithoutAChallenge() {
    assertThat(authenticator.getUser(request, response)).isNull();
    assertThat(response.getStatus()).isEqualTo(HttpServletResponse.SC_OK);
    assertThat(response.headerValues("WWW-Authenticate")).isEmpty();
    assertThat(request.session()).isNull();
  }
}
