package com.atlassian.seraph.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.atlassianapi.testing.FakeRequest;
import io.crowd2fa.atlassianapi.testing.FakeResponse;
import org.junit.jupiter.api.Test;

class LoginReasonTest {
  private final FakeRequest request = new FakeRequest();
  private final FakeResponse response = new FakeResponse();

  @Test
  void stampSetsTheRequestAttributeAndTheSeraphHeader() {
    assertThat(LoginReason.AUTHENTICATED_FAILED.stampRequestResponse(request, response))
        .isSameAs(LoginReason.AUTHENTICATED_FAILED);

    assertThat(request.getAttribute("com.atlassian.seraph.auth.LoginReason"))
        .isSameAs(LoginReason.AUTHENTICATED_FAILED);
    assertThat(response.headerValues("X-Seraph-LoginReason"))
        .containsExactly("AUTHENTICATED_FAILED");
  }

  @Test
  void theFirstStampWinsAndTheHeaderIsWrittenOnce() {
    LoginReason.OK.stampRequestResponse(request, response);
    LoginReason.OUT.stampRequestResponse(request, response);
    LoginReason.OK.stampRequestResponse(request, response);

    assertThat(LoginReason.OK.isStamped(request)).isTrue();
    assertThat(LoginReason.OUT.isStamped(request)).isFalse();
    assertThat(response.headerValues(LoginReason.X_SERAPH_LOGIN_REASON)).containsExactly("OK");
  }

  @Test
  void stampWithoutAResponseOnlySetsTheAttribute() {
    LoginReason.OUT.stampRequestResponse(request, null);

    assertThat(LoginReason.OUT.isStamped(request)).isTrue();
  }

  @Test
  void anUnstampedRequestIsStampedWithNothing() {
    for (LoginReason reason : LoginReason.values()) {
      assertThat(reason.isStamped(request)).as(reason.name()).isFalse();
    }
  }
}
