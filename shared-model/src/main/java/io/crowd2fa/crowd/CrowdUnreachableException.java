package io.crowd2fa.crowd;

/** Crowd could not be reached, or did not answer within the configured timeouts. */
public final class CrowdUnreachableException extends CrowdException {

  private final boolean timedOut;

  public CrowdUnreachableException(String message, boolean timedOut, Throwable cause) {
    super(message, cause);
    this.timedOut = timedOut;
  }

  /** True when Crowd accepted the connection (or was slow to) but did not answer in time. */
  public boolean timedOut() {
    return timedOut;
  }
}
