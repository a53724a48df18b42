package com.atlassian.seraph.auth;

import static com.atlassian.seraph.auth.DefaultAuthenticator.LOGGED_IN_USER_ID_KEY;
import static com.atlassian.seraph.auth.DefaultAuthenticator.LOGGED_OUT_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.atlassianapi.testing.FakeSession;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultAuthenticatorLoginLogoutTest extends AuthenticatorFixture {

  @Test
  void loginWithTheRightPasswordPutsTheUserInTheSession() throws Exception {
    assertThat(authenticator.login(request, response, "alice", "alice-pw")).isTrue();

    assertThat(request.session().attributes()).containsEntry(LOGGED_IN_USER_ID_KEY, "alice");
    assertThat(world.events()).containsExactly("directory.authenticate:alice");
  }

  @Test
  void loginAskingToBeRememberedAddsTheRememberMeCookie() throws Exception {
    assertThat(authenticator.login(request, response, "alice", "alice-pw", true)).isTrue();

    assertThat(world.events()).endsWith("rememberMe.add:alice");
  }

  @Test
  void loginWithAWrongPasswordRemovesTheRememberMeCookieAndStampsNothing() throws Exception {
    assertThat(authenticator.login(request, response, "alice", "guess", true)).isFalse();

    assertThat(world.events()).containsExactly("directory.authenticate:alice", "rememberMe.remove");
    assertThat(request.attributes()).doesNotContainKey(LoginReason.REQUEST_ATTR_NAME);
    assertThat(request.session()).isNull();
  }

  @Test
  void loginOfAUserTheRoleMapperRefusesIsStampedAuthorisationFailed() throws Exception {
    assertThat(authenticator.login(request, response, "mallory", "mallory-pw")).isFalse();

    assertThat(LoginReason.AUTHORISATION_FAILED.isStamped(request)).isTrue();
    assertThat(request.session().attributes()).doesNotContainKey(LOGGED_IN_USER_ID_KEY);
  }

  @Test
  void loginMovesTheSessionToANewIdWhenConfiguredDroppingExcludedAttributes() throws Exception {
    world.invalidateSessionOnLogin("stale.attribute");
    FakeSession before = request.withSession();
    before.put("kept.attribute", "k");
    before.put("stale.attribute", "s");

    authenticator.login(request, response, "alice", "alice-pw");

    FakeSession after = request.session();
    assertThat(before.invalidated()).isTrue();
    assertThat(after.id()).isNotEqualTo(before.id());
    assertThat(after.attributes())
        .containsEntry("kept.attribute", "k")
        .containsEntry(LOGGED_IN_USER_ID_KEY, "alice")
        .doesNotContainKey("stale.attribute");
  }

  @Test
  void loginAgainAsTheUserAlreadyInTheSessionKeepsTheSession() throws Exception {
    world.invalidateSessionOnLogin();
    request.withSession().put(LOGGED_IN_USER_ID_KEY, "alice");

    authenticator.login(request, response, "alice", "alice-pw");

    assertThat(request.sessionHistory()).hasSize(1);
  }

  @Test
  void logoutRunsTheInterceptorsAroundIt() throws Exception {
    authenticator.login(request, response, "alice", "alice-pw");

    assertThat(authenticator.logout(request, response)).isTrue();

    assertThat(world.events())
        .containsExactly(
            "directory.authenticate:alice", "beforeLogout", "rememberMe.remove", "afterLogout");
  }

  @Test
  void logoutRemovesTheUserAndStampsOut() throws Exception {
    authenticator.login(request, response, "alice", "alice-pw");

    authenticator.logout(request, response);

    assertThat(request.session().attributes())
        .containsExactlyInAnyOrderEntriesOf(Map.of(LOGGED_OUT_KEY, Boolean.TRUE));
    assertThat(LoginReason.OUT.isStamped(request)).isTrue();
    assertThat(response.headerValues(LoginReason.X_SERAPH_LOGIN_REASON)).containsExactly("OUT");
    assertThat(authenticator.getUser(request, response)).isNull();
  }

  @Test
  void remoteUserIsTheSessionUsersName() throws Exception {
    authenticator.login(request, response, "alice", "alice-pw");

    assertThat(authenticator.getRemoteUser(request)).isEqualTo("alice");
  }
}
