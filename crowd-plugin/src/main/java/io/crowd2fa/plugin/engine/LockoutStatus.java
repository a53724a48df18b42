package io.crowd2fa.plugin.engine;

/** A user's second-factor and recovery-code counters. */
public record LockoutStatus(
    String username, CounterStatus secondFactor, CounterStatus recoveryCode) {}
