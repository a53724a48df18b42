package io.crowd2fa.crowd;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A request for a new Crowd SSO session ({@code POST /session}).
 *
 * @param username the user
 * @param password the user's password, checked by Crowd; empty sends {@code
 *     validate-password=false} (D1: the 2FA service creates the session only after both factors,
 *     without the password)
 * @param validationFactors the client's validation factors
 * @param duration the session's length ({@code duration}, whole seconds); empty = Crowd's default
 */
public record SessionRequest(
    String username,
    Optional<Password> password,
    ValidationFactors validationFactors,
    Optional<Duration> duration) {

  public SessionRequest {
    if (username == null || username.isBlank()) {
      throw new IllegalArgumentException("username must not be blank");
    }
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(validationFactors, "validationFactors");
    Objects.requireNonNull(duration, "duration");
    if (duration.isPresent() && duration.get().toSeconds() < 1) {
      throw new IllegalArgumentException("duration must be at least one second");
    }
  }

  public static SessionRequest withPassword(
      String username, Password password, ValidationFactors validationFactors) {
    return new SessionRequest(username, Optional.of(password), validationFactors, Optional.empty());
  }

  public static SessionRequest withoutPassword(
      String username, ValidationFactors validationFactors) {
    return new SessionRequest(username, Optional.empty(), validationFactors, Optional.empty());
  }

  public SessionRequest withDuration(Duration sessionLength) {
    return new SessionRequest(username, password, validationFactors, Optional.of(sessionLength));
  }

  public boolean validatePassword() {
    return password.isPresent();
  }
}
