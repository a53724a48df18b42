package io.crowd2fa.seraph;

import static io.crowd2fa.seraph.testing.ProductFixture.again;
import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.seraph.testing.FakeRequest;
import io.crowd2fa.seraph.testing.FakeResponse;
import io.crowd2fa.seraph.testing.ProductFixture;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GenericTwoFactorAuthenticatorTest {

  private final ProductFixture fixture =
      new ProductFixture(
          GenericTwoFactorAuthenticator.class.getName(), Set.of("jira-software-users"));
  private final GenericTwoFactorAuthenticator authenticator = new GenericTwoFactorAuthenticator();

  @BeforeEach
  void setUp() {
    authenticator.init(Map.of(), fixture.config);
    authenticator.useCore(fixture.core());
  }

  @Test
  void getUserWhenValidSsoThenCrowdUserIsThePrincipal() {
    FakeRequest request = fixture.signedInBrowser("alice", "tok-a");

    assertThat(authenticator.getUser(request, new FakeResponse()).getName()).isEqualTo("alice");
    assertThat(authenticator.getUser(again(request), new FakeResponse()).getName())
        .isEqualTo("alice");
  }

  @Test
  void loginWhenBreakGlassThenPasswordCheckedAtCrowd() throws Exception {
    fixture.crowd.passwords.put("rescue", "crowd-pw");

    assertThat(authenticator.login(new FakeRequest(), new FakeResponse(), "rescue", "bad", false))
        .isFalse();
    assertThat(
            authenticator.login(new FakeRequest(), new FakeResponse(), "rescue", "crowd-pw", false))
        .isTrue();
    assertThat(authenticator.login(new FakeRequest(), new FakeResponse(), "alice", "x", false))
        .isFalse();
  }

  @Test
  void loginWhenCrowdDownForBreakGlassThenCommunicationError() {
    fixture.crowd.down = true;

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                authenticator.login(
                    new FakeRequest(), new FakeResponse(), "rescue", "crowd-pw", false))
        .isInstanceOf(com.atlassian.seraph.auth.AuthenticatorException.class);
  }
}
