package com.atlassian.seraph.auth;

import static com.atlassian.seraph.auth.DefaultAuthenticator.LOGGED_IN_USER_ID_KEY;
import static com.atlassian.seraph.auth.DefaultAuthenticator.LOGGED_OUT_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.atlassianapi.testing.FakeSession;
import io.crowd2fa.atlassianapi.testing.SeraphWorld.NamedPrincipal;
import java.util.Map;
import org.junit.jupiter.api.Test;

@SuppressWarnings("deprecation") // LOGGED_IN_KEY is deprecated in Seraph 4.1.4 but still written
class DefaultAuthenticatorSessionContextTest extends AuthenticatorFixture {
  private static final String LOGGED_IN_KEY = DefaultAuthenticator.LOGGED_IN_KEY;

  @Test
  void putPrincipalInSessionContextWritesPrincipalAndUserIdAndClearsLoggedOutMarker() {
    FakeSession session = request.withSession();
    session.put(LOGGED_OUT_KEY, Boolean.TRUE);
    NamedPrincipal alice = new NamedPrincipal("alice");

    authenticator.putPrincipalInSessionContext(request, alice);

    assertThat(session.attributes())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(LOGGED_IN_KEY, alice, LOGGED_IN_USER_ID_KEY, "alice"));
  }

  @Test
  void sessionAttributeNamesAreSeraphs() {
    authenticator.putPrincipalInSessionContext(request, new NamedPrincipal("alice"));

    assertThat(request.session().attributes())
        .containsOnlyKeys(
            "seraph_defaultauthenticator_user", "seraph_defaultauthenticator_user_id");
  }

  @Test
  void removePrincipalFromSessionContextLeavesOnlyTheLoggedOutMarker() {
    authenticator.putPrincipalInSessionContext(request, new NamedPrincipal("alice"));

    authenticator.removePrincipalFromSessionContext(request);

    assertThat(request.session().attributes())
        .containsExactlyInAnyOrderEntriesOf(Map.of(LOGGED_OUT_KEY, Boolean.TRUE));
  }

  @Test
  void sessionUserIsFoundWhileLoggedIn() {
    authenticator.putPrincipalInSessionContext(request, new NamedPrincipal("alice"));

    assertThat(authenticator.getUser(request, response)).isEqualTo(new NamedPrincipal("alice"));
    assertThat(LoginReason.OK.isStamped(request)).isTrue();
  }

  @Test
  void sessionUserIsGoneAfterLoggedOutMarker() {
    FakeSession session = request.withSession();
    session.put(LOGGED_IN_USER_ID_KEY, "alice");
    session.put(LOGGED_OUT_KEY, Boolean.TRUE);

    assertThat(authenticator.getUser(request, response)).isNull();
  }

  @Test
  void sessionUserIsReadAgainFromTheDirectorySoADeletedUserLosesTheSession() {
    authenticator.putPrincipalInSessionContext(request, new NamedPrincipal("alice"));
    world.removeUser("alice");

    assertThat(authenticator.getUser(request, response)).isNull();
    assertThat(request.session().attributes()).doesNotContainKey(LOGGED_IN_USER_ID_KEY);
  }

  @Test
  void sessionLookupFailureMeansNoUserRatherThanAnError() {
    authenticator.putPrincipalInSessionContext(request, new NamedPrincipal("alice"));
    world.directoryUnreachable();

    assertThat(authenticator.getUser(request, response)).isNull();
  }

  @Test
  void principalAlreadyInSessionContextIsComparedByName() {
    request.withSession().put(LOGGED_IN_USER_ID_KEY, "alice");

    assertThat(authenticator.isPrincipalAlreadyInSessionContext(request, () -> "alice")).isTrue();
    assertThat(authenticator.isPrincipalAlreadyInSessionContext(request, () -> "bob")).isFalse();
    assertThat(authenticator.isPrincipalAlreadyInSessionContext(request, null)).isFalse();
  }
}
