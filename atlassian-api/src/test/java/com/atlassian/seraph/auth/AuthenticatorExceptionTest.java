package com.atlassian.seraph.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthenticatorExceptionTest {
  @Test
  void anErrorTypeExceptionCarriesTheTypeWithItsNameAsMessage() {
    AuthenticatorException e = new AuthenticatorException(AuthenticationErrorType.UnknownError);

    assertThat(e.getErrorType()).isEqualTo(AuthenticationErrorType.UnknownError);
    assertThat(e).hasMessage("UnknownError");
  }

  @Test
  void aMessageOnlyExceptionHasNoErrorType() {
    assertThat(new AuthenticatorException("plain").getErrorType()).isNull();
    assertThat(new AuthenticatorException().getErrorType()).isNull();
  }
}
