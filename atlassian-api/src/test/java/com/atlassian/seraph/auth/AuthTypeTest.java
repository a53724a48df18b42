package com.atlassian.seraph.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.atlassianapi.testing.FakeRequest;
import io.crowd2fa.atlassianapi.testing.SeraphWorld;
import org.junit.jupiter.api.Test;

class AuthTypeTest {
  private final SeraphWorld config = new SeraphWorld();
  private final FakeRequest request = new FakeRequest();

  @Test
  void theConfiguredParameterNamesTheAuthTypeInAnyCase() {
    request.query("os_authType", "Basic");

    assertThat(AuthType.getAuthTypeInformation(request, config)).isEqualTo(AuthType.BASIC);
  }

  @Test
  void withoutTheParameterTheDefaultRequestAttributeDecides() {
    request.setAttribute(AuthType.DEFAULT_ATTRIBUTE, "cookie");

    assertThat(AuthType.getAuthTypeInformation(request, config)).isEqualTo(AuthType.COOKIE);
  }

  @Test
  void anUnknownOrMissingAuthTypeIsNone() {
    assertThat(AuthType.getAuthTypeInformation(request, config)).isEqualTo(AuthType.NONE);

    request.query("os_authType", "kerberos");
    assertThat(AuthType.getAuthTypeInformation(request, config)).isEqualTo(AuthType.NONE);
  }
}
