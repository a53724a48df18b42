package io.crowd2fa.crowd;

/**
 * Crowd refused this application (HTTP 401: wrong application name or password; 403: the
 * application may not call from this address). A configuration fault, not a user outcome.
 */
public final class CrowdApplicationAuthenticationException extends CrowdException {

  private final int status;

  public CrowdApplicationAuthenticationException(String message, int status) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
