package com.atlassian.confluence.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.atlassian.seraph.auth.AuthenticationErrorType;
import com.atlassian.seraph.auth.AuthenticatorException;
import com.atlassian.seraph.auth.DefaultAuthenticator;
import com.atlassian.seraph.config.SecurityConfigFactory;
import io.crowd2fa.atlassianapi.testing.FakeRequest;
import io.crowd2fa.atlassianapi.testing.FakeResponse;
import io.crowd2fa.atlassianapi.testing.SeraphWorld;
import java.util.Map;
import javax.servlet.DispatcherType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConfluenceAuthenticatorTest {
  private final SeraphWorld world = new SeraphWorld().user("alice", "alice-pw");
  private final ConfluenceAuthenticator authenticator = new ConfluenceAuthenticator();
  private final FakeRequest request = new FakeRequest();
  private final FakeResponse response = new FakeResponse();

  @BeforeEach
  void start() {
    SecurityConfigFactory.setSecurityConfig(world);
    authenticator.init(Map.of(), world);
  }

  @AfterEach
  void stop() {
    SecurityConfigFactory.setSecurityConfig(null);
  }

  @Test
  void usersAreConfluenceUsers() {
    assertThat(authenticator.getUser("alice")).isInstanceOf(ConfluenceUser.class);
    assertThat(authenticator.getUser("alice").getName()).isEqualTo("alice");
    assertThat(authenticator.getUser("nobody")).isNull();
  }

  @Test
  void aPasswordLoginIsMarkedAsDirect() throws Exception {
    assertThat(authenticator.login(request, response, "alice", "alice-pw")).isTrue();

    assertThat(request.attributes()).containsEntry("com.atlassian.confluence.login.direct", true);
    assertThat(authenticator.getUser(request, response).getName()).isEqualTo("alice");
  }

  @Test
  void aLoginWithoutUsernameIsRefusedWithoutAskingTheDirectory() throws Exception {
    assertThat(authenticator.login(request, response, null, "alice-pw")).isFalse();

    assertThat(world.events()).isEmpty();
  }

  @Test
  void aUserAccessorSetByTheHostIsUsedInsteadOfTheHarnessDirectory() {
    ConfluenceUser carol = () -> "carol";
    authenticator.setUserAccessor(
        new UserAccessor() {
          @Override
          public ConfluenceUser getUserByName(String name) {
            return "carol".equals(name) ? carol : null;
          }

          @Override
          public boolean authenticate(String username, String password) {
            return false;
          }
        });

    assertThat(authenticator.getUser("carol")).isSameAs(carol);
    assertThat(authenticator.getUser("alice")).isNull();
  }

  @Test
  @SuppressWarnings("deprecation") // the session holds the principal under LOGGED_IN_KEY
  void theSessionUserIsReadAgainExceptOnErrorDispatch() throws Exception {
    authenticator.login(request, response, "alice", "alice-pw");
    world.removeUser("alice");

    request.dispatcherType(DispatcherType.ERROR);
    assertThat(authenticator.getUser(request, response).getName()).isEqualTo("alice");

    FakeRequest next = new FakeRequest();
    next.withSession().put(DefaultAuthenticator.LOGGED_IN_KEY, (ConfluenceUser) () -> "alice");
    assertThat(authenticator.getUser(next, response)).isNull();
  }

  @Test
  void anUnreachableDirectoryIsACommunicationError() {
    world.directoryUnreachable();

    AuthenticatorException e =
        catchThrowableOfType(
            AuthenticatorException.class,
            () -> authenticator.login(request, response, "alice", "alice-pw"));

    assertThat(e.getErrorType()).isEqualTo(AuthenticationErrorType.CommunicationError);
  }
}
