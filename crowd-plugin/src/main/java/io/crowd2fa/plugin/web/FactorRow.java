package io.crowd2fa.plugin.web;

import io.crowd2fa.plugin.engine.EnrolledFactor;
import java.time.format.DateTimeFormatter;

/**
 * One factor as the account and help-desk pages show it (times in UTC; {@code lastUsed} empty if
 * never); {@code type} and {@code id} name it in the remove form.
 */
public record FactorRow(
    String type, String id, String nickname, String status, String created, String lastUsed) {

  static FactorRow of(EnrolledFactor factor, DateTimeFormatter time) {
    return new FactorRow(
        factor.type().name(),
        factor.id().toString(),
        factor.nickname(),
        factor.status().name(),
        time.format(factor.createdAt()),
        factor.lastUsedAt() == null ? "" : time.format(factor.lastUsedAt()));
  }
}
