package com.atlassian.jira.security.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.atlassian.seraph.auth.AuthenticationErrorType;
import com.atlassian.seraph.auth.AuthenticatorException;
import com.atlassian.seraph.config.SecurityConfigFactory;
import io.crowd2fa.atlassianapi.harness.DirectoryUnavailableException;
import io.crowd2fa.atlassianapi.testing.FakeRequest;
import io.crowd2fa.atlassianapi.testing.FakeResponse;
import io.crowd2fa.atlassianapi.testing.SeraphWorld;
import io.crowd2fa.atlassianapi.testing.SeraphWorld.NamedPrincipal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JiraSeraphAuthenticatorTest {
  private final SeraphWorld world = new SeraphWorld().user("alice", "alice-pw");
  private final JiraSeraphAuthenticator authenticator = new JiraSeraphAuthenticator();
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
  void loginChecksThePasswordWithTheProductDirectoryAndKeepsTheUserInTheSession() throws Exception {
    assertThat(authenticator.login(request, response, "alice", "alice-pw")).isTrue();

    assertThat(authenticator.getUser(request)).isEqualTo(new NamedPrincipal("alice"));
  }

  @Test
  void anUnreachableDirectoryIsACommunicationErrorWithItsCause() {
    world.directoryUnreachable();

    AuthenticatorException e =
        catchThrowableOfType(
            AuthenticatorException.class,
            () -> authenticator.login(request, response, "alice", "alice-pw"));

    assertThat(e.getErrorType()).isEqualTo(AuthenticationErrorType.CommunicationError);
    assertThat(e).hasCauseInstanceOf(DirectoryUnavailableException.class);
  }

  @Test
  void withoutAHarnessDirectoryTheAuthenticatorSaysSoInsteadOfLoggingAnyoneIn() {
    JiraSeraphAuthenticator bare = new JiraSeraphAuthenticator();
    bare.init(Map.of(), NotADirectorySource.of(world));

    assertThatThrownBy(() -> bare.login(request, response, "alice", "alice-pw"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ProductUserDirectory.Source");
  }
}
