package io.crowd2fa.plugin.engine;

import java.time.Instant;

/**
 * A factor's verification, run by {@link TwoFactorEngine#verifyWithLockout} after the attempt was
 * counted and inside the same database transaction, so anything single-use it consumes (a WebAuthn
 * challenge, a signature counter) commits or rolls back together with the count.
 */
@FunctionalInterface
public interface FactorCheck {

  FactorCheckOutcome check(Instant now);
}
