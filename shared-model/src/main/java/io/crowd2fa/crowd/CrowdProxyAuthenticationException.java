package io.crowd2fa.crowd;

/**
 * The HTTP proxy between this client and Crowd refused the call with 407 Proxy Authentication
 * Required: Crowd was never reached. A configuration fault of the {@code http.proxy.*} keys (or of
 * the proxy), not a Crowd answer and not a user outcome.
 */
public final class CrowdProxyAuthenticationException extends CrowdException {

  public CrowdProxyAuthenticationException(String message) {
    super(message);
  }
}
