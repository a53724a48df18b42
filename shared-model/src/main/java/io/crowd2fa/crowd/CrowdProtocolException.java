package io.crowd2fa.crowd;

/**
 * Crowd answered something this client cannot take as Crowd's REST API: a body that is not the
 * documented JSON, an unexpected status, an unknown or internal error reason.
 */
public final class CrowdProtocolException extends CrowdException {

  private final int status;

  public CrowdProtocolException(String message, int status) {
    super(message);
    this.status = status;
  }

  public CrowdProtocolException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status Crowd answered with. */
  public int status() {
    return status;
  }
}
