package io.crowd2fa.plugin.engine;

import java.time.Instant;

/**
 * One failure counter as an admin sees it.
 *
 * @param lockedUntil {@code null} if attempts are allowed now
 */
public record CounterStatus(int consecutiveFailures, Instant lockedUntil, int failuresThisHour) {

  public static final CounterStatus CLEAR = new CounterStatus(0, null, 0);
}
