package io.crowd2fa.plugin.lockout.persistence;

import io.crowd2fa.plugin.lockout.AttemptCounter;
import io.crowd2fa.plugin.lockout.LockoutState;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** Row of {@code lockout_counter}, one per user and {@link AttemptCounter}. */
@Entity
@Table(name = "lockout_counter")
public class LockoutCounterEntity {

  /** Primary key. */
  @Embeddable
  public record Key(
      @Column(name = "username", nullable = false, length = 255) String username,
      @Enumerated(EnumType.STRING) @Column(name = "counter", nullable = false, length = 32)
          AttemptCounter counter)
      implements Serializable {}

  @EmbeddedId private Key key;

  @Column(name = "consecutive_failures", nullable = false)
  private int consecutiveFailures;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Column(name = "window_started_at", nullable = false)
  private Instant windowStartedAt;

  @Column(name = "window_failures", nullable = false)
  private int windowFailures;

  protected LockoutCounterEntity() {}

  LockoutState toState() {
    return new LockoutState(
        key.username(),
        key.counter(),
        consecutiveFailures,
        lockedUntil,
        windowStartedAt,
        windowFailures);
  }

  /** Copies a state computed by the domain into this locked, managed row. */
  void copyFrom(LockoutState state) {
    this.consecutiveFailures = state.consecutiveFailures();
    this.lockedUntil = state.lockedUntil();
    this.windowStartedAt = state.windowStartedAt();
    this.windowFailures = state.windowFailures();
  }
}
