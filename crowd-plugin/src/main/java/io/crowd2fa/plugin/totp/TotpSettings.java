package io.crowd2fa.plugin.totp;

import java.time.Duration;
import java.util.Objects;

/**
 * Configured TOTP behaviour.
 *
 * @param issuer shown by authenticator apps; the label is {@code issuer:username}
 * @param parameters algorithm, digits and period of new enrolments
 * @param allowedDrift time steps accepted either side of now (RFC 6238 §5.2 recommends 1)
 * @param enrolmentTimeout how long an unconfirmed enrolment stays usable (NIST: at most 10 min)
 */
public record TotpSettings(
    String issuer, TotpParameters parameters, int allowedDrift, Duration enrolmentTimeout) {

  public TotpSettings {
    if (issuer == null || issuer.isBlank() || issuer.contains(":")) {
      throw new IllegalArgumentException("issuer must be non-blank and contain no ':'");
    }
    Objects.requireNonNull(parameters, "parameters");
    if (allowedDrift < 0 || allowedDrift > 2) {
      throw new IllegalArgumentException("allowedDrift must be 0..2 steps, was " + allowedDrift);
    }
    if (enrolmentTimeout == null
        || enrolmentTimeout.isNegative()
        || enrolmentTimeout.isZero()
        || enrolmentTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException("enrolmentTimeout must be > 0 and <= 10 minutes");
    }
  }

  public static TotpSettings defaults(String issuer) {
    return new TotpSettings(issuer, TotpParameters.RFC_6238_DEFAULT, 1, Duration.ofMinutes(10));
  }
}
