package io.crowd2fa.crowd;

/** A Crowd rejection turned into an exception by {@link CrowdResult#orElseThrow()}. */
public final class CrowdRejectedException extends CrowdException {

  private final CrowdError error;

  public CrowdRejectedException(CrowdError error) {
    super("Crowd rejected the request: " + error.reason());
    this.error = error;
  }

  public CrowdError error() {
    return error;
  }

  public ErrorReason reason() {
    return error.reason();
  }
}
