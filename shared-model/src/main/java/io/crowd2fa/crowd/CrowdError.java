package io.crowd2fa.crowd;

import java.util.Objects;

/** An error answered by Crowd: its {@code reason} and Crowd's {@code message}. */
public record CrowdError(ErrorReason reason, String message) {

  public CrowdError {
    Objects.requireNonNull(reason, "reason");
    message = Objects.requireNonNullElse(message, "");
  }
}
