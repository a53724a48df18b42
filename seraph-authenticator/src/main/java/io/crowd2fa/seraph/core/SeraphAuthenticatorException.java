package io.crowd2fa.seraph.core;

/** The one unchecked root for faults inside the authenticator (not for expected outcomes). */
public class SeraphAuthenticatorException extends RuntimeException {

  public SeraphAuthenticatorException(String message) {
    super(message);
  }

  public SeraphAuthenticatorException(String message, Throwable cause) {
    super(message, cause);
  }
}
