package io.crowd2fa.plugin.web;

/**
 * One factor as the account page shows it (times in UTC; {@code lastUsed} empty if never); {@code
 * type} and {@code id} name it in the remove form.
 */
public record FactorRow(
    String type, String id, String nickname, String status, String created, String lastUsed) {}
