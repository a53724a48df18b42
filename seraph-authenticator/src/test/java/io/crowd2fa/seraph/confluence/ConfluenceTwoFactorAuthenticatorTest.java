package io.crowd2fa.seraph.confluence;

import static io.crowd2fa.seraph.testing.ProductFixture.again;
import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.confluence.user.ConfluenceAuthenticator;
import com.atlassian.confluence.user.ConfluenceUser;
import io.crowd2fa.seraph.testing.FakeRequest;
import io.crowd2fa.seraph.testing.FakeResponse;
import io.crowd2fa.seraph.testing.ProductFixture;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConfluenceTwoFactorAuthenticatorTest {

  private final ProductFixture fixture =
      new ProductFixture(
          ConfluenceTwoFactorAuthenticator.class.getName(), Set.of("confluence-users", "external"));
  private final ConfluenceTwoFactorAuthenticator authenticator =
      new ConfluenceTwoFactorAuthenticator();

  @BeforeEach
  void setUp() {
    authenticator.init(Map.of(), fixture.config);
    authenticator.useCore(fixture.core());
  }

  @Test
  void getUserWhenValidSsoThenConfluenceUserFromConfluencesOwnAccessor() {
    assertThat(authenticator).isInstanceOf(ConfluenceAuthenticator.class);
    FakeRequest request = fixture.signedInBrowser("contractor", "tok-c");

    assertThat(authenticator.getUser(request, new FakeResponse()))
        .isInstanceOf(ConfluenceUser.class)
        .extracting(p -> p.getName())
        .isEqualTo("contractor");
    assertThat(authenticator.getUser(again(request), new FakeResponse()).getName())
        .isEqualTo("contractor");
    assertThat(fixture.crowd.validations).isEqualTo(1);
  }

  @Test
  void loginWhenOrdinaryUserThenRefusedEvenWithCorrectPassword() throws Exception {
    assertThat(authenticator.login(new FakeRequest(), new FakeResponse(), "bob", "bob123", false))
        .isFalse();
  }

  @Test
  void logoutThenCrowdSessionEndedAndNextRequestAnonymous() throws Exception {
    FakeRequest request = fixture.signedInBrowser("bob", "tok-b");
    authenticator.getUser(request, new FakeResponse());

    authenticator.logout(again(request), new FakeResponse());

    assertThat(fixture.crowd.invalidated).containsExactly("tok-b");
    assertThat(authenticator.getUser(again(request), new FakeResponse())).isNull();
  }
}
