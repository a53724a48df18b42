package io.crowd2fa.plugin.web;

/** One factor as the account page shows it (times in UTC; {@code lastUsed} empty if never). */
public record FactorRow(
    String type, String nickname, String status, String created, String lastUsed) {}
