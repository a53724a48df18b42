package io.crowd2fa.crowd;

/**
 * The unchecked root of every fault of the Crowd client: Crowd unreachable or stalled, answering
 * garbage, refusing the application's credentials, a proxy refusing the client, a bad {@code
 * crowd.properties}, or a rejection turned into an exception by {@link CrowdResult#orElseThrow()}.
 * Messages never carry a password or a token.
 */
public abstract sealed class CrowdException extends RuntimeException
    permits CrowdUnreachableException,
        CrowdProtocolException,
        CrowdApplicationAuthenticationException,
        CrowdConfigurationException,
        CrowdProxyAuthenticationException,
        CrowdRejectedException {

  protected CrowdException(String message) {
    super(message);
  }

  protected CrowdException(String message, Throwable cause) {
    super(message, cause);
  }
}
