package io.crowd2fa.plugin.web;

import io.crowd2fa.plugin.audit.AuditEvent;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One audit event as the help-desk pages show it (time in UTC; absent values empty): the user's
 * recent events and the search across users.
 */
public record AuditRow(
    String time, String type, String outcome, String user, String client, String detail) {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  static AuditRow of(AuditEvent event) {
    return new AuditRow(
        TIME.format(event.occurredAt()),
        event.type().name(),
        event.outcome().name(),
        orEmpty(event.username()),
        orEmpty(event.clientAddress()),
        orEmpty(event.detail()));
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
