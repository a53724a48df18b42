package io.crowd2fa.plugin.login;

import java.time.Duration;

/**
 * Limits password attempts per client address and per username, across all nodes. An attempt is
 * counted before the password is checked.
 */
public interface PasswordThrottle {

  /** Limits of the password step. */
  record Limits(int perAddress, int perUsername, Duration window) {
    public static final Limits DEFAULT = new Limits(60, 10, Duration.ofMinutes(15));

    public Limits {
      if (perAddress < 1 || perUsername < 1 || window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("limits must be positive");
      }
    }
  }

  /** Counts one attempt; true when it is within both limits. */
  boolean tryAcquire(String clientAddress, String username);

  /** After a correct password the user's own count starts again; the address count does not. */
  void succeeded(String username);
}
