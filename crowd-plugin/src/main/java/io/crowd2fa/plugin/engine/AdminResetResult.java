package io.crowd2fa.plugin.engine;

/**
 * What an admin reset did.
 *
 * @param countersCleared failure counters deleted
 * @param disabledFactorsRemoved disabled factors of every kind deleted (TOTP credentials, WebAuthn
 *     keys); the user enrols them again
 */
public record AdminResetResult(int countersCleared, int disabledFactorsRemoved) {}
