package io.crowd2fa.plugin.totp;

import java.util.Objects;

/**
 * How one credential's codes are computed; stored with the credential so a later change of the
 * configured defaults never breaks an enrolled authenticator.
 */
public record TotpParameters(TotpAlgorithm algorithm, int digits, int periodSeconds) {

  public static final TotpParameters RFC_6238_DEFAULT =
      new TotpParameters(TotpAlgorithm.SHA1, 6, 30);

  public TotpParameters {
    Objects.requireNonNull(algorithm, "algorithm");
    if (digits != 6 && digits != 8) {
      throw new IllegalArgumentException("digits must be 6 or 8, was " + digits);
    }
    // NIST SP 800-63B: the time-based nonce changes at least every 2 minutes.
    if (periodSeconds < 15 || periodSeconds > 120) {
      throw new IllegalArgumentException("periodSeconds must be 15..120, was " + periodSeconds);
    }
  }

  public long timeStep(long epochSeconds) {
    return Math.floorDiv(epochSeconds, periodSeconds);
  }
}
