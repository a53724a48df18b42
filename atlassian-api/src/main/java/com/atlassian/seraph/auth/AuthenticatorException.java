package com.atlassian.seraph.auth;

/**
 * Seraph 4.1.4. There is no {@code (String, Throwable)} constructor in the real class, so a cause
 * cannot be attached here either.
 */
public class AuthenticatorException extends Exception {
  private final AuthenticationErrorType errorType;

  public AuthenticatorException() {
    this.errorType = null;
  }

  public AuthenticatorException(String message) {
    super(message);
    this.errorType = null;
  }

  public AuthenticatorException(AuthenticationErrorType errorType) {
    super(errorType.name());
    this.errorType = errorType;
  }

  public AuthenticationErrorType getErrorType() {
    return errorType;
  }
}
