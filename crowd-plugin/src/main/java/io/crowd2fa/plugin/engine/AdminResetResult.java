package io.crowd2fa.plugin.engine;

/**
 * What an admin reset did.
 *
 * @param countersCleared failure counters deleted
 * @param disabledFactorsRemoved disabled TOTP credentials deleted (the user enrols again)
 */
public record AdminResetResult(int countersCleared, int disabledFactorsRemoved) {}
