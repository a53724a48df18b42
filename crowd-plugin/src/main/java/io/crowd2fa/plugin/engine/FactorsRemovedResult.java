package io.crowd2fa.plugin.engine;

/**
 * What removing all of a user's factors did (lost device).
 *
 * @param factorsRemoved TOTP credentials and security keys deleted, active or disabled
 * @param recoveryCodesRemoved recovery codes deleted, used or not
 * @param countersCleared failure counters deleted
 */
public record FactorsRemovedResult(
    int factorsRemoved, int recoveryCodesRemoved, int countersCleared) {}
