package io.crowd2fa.plugin.audit;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An audit search as typed into the help desk's form or carried in its "next page" link; every
 * field is text and may be empty (no filter). {@link #parse} checks all of it before anything is
 * queried or audited, so a mistake is a clear message rather than an empty page.
 *
 * @param from an ISO-8601 instant ({@code 2026-11-28T10:00:00Z}) or a date, meaning its start (UTC)
 * @param to an instant, or a date meaning its whole day (UTC); inclusive
 * @param before a {@link AuditCursor#token()}
 */
public record AuditFilterText(
    String username,
    String type,
    String outcome,
    String client,
    String from,
    String to,
    String before) {

  // Client addresses in the log are IP literals as the container reports them (IPv6 unbracketed).
  private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]+");

  private static final String NOT_A_TIME =
      "is not an ISO-8601 time (2026-11-28T10:00:00Z) or date (2026-11-28)";
  private static final String OUT_OF_BOUNDS =
      "is outside " + AuditSearch.EARLIEST + " .. " + AuditSearch.LATEST;

  public AuditFilterText {
    username = trimmed(username);
    type = trimmed(type);
    outcome = trimmed(outcome);
    client = trimmed(client);
    from = trimmed(from);
    to = trimmed(to);
    before = trimmed(before);
  }

  /** The search these fields describe, or the first field that is wrong and why. */
  public AuditSearchParse parse(Set<AuditEventType> knownTypes, int pageSize) {
    if (username.length() > AuditEvent.MAX_USERNAME) {
      return invalid("username", "is longer than " + AuditEvent.MAX_USERNAME + " characters");
    }
    AuditEventType eventType = null;
    if (!type.isEmpty()) {
      String name = type.toUpperCase(Locale.ROOT);
      Optional<AuditEventType> known =
          knownTypes.stream().filter(t -> t.name().equals(name)).findFirst();
      if (known.isEmpty()) {
        return invalid("type", "is not one of the service's event types");
      }
      eventType = known.get();
    }
    AuditOutcome wanted = null;
    if (!outcome.isEmpty()) {
      try {
        wanted = AuditOutcome.valueOf(outcome.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return invalid("outcome", "must be SUCCESS or FAILURE");
      }
    }
    if (client.length() > AuditEvent.MAX_CLIENT_ADDRESS || !matchesAddress(client)) {
      return invalid("client", "is not an IP address");
    }
    Instant start;
    Instant end;
    try {
      start = time(from, false);
    } catch (DateTimeException e) {
      return invalid("from", NOT_A_TIME);
    }
    try {
      end = time(to, true);
    } catch (DateTimeException e) {
      return invalid("to", NOT_A_TIME);
    }
    if (start != null && outOfBounds(start)) {
      return invalid("from", OUT_OF_BOUNDS);
    }
    if (end != null && outOfBounds(end)) {
      return invalid("to", OUT_OF_BOUNDS);
    }
    if (start != null && end != null && start.isAfter(end)) {
      return invalid("to", "is before from");
    }
    AuditCursor cursor = null;
    if (!before.isEmpty()) {
      Optional<AuditCursor> parsed = AuditCursor.parse(before);
      if (parsed.isEmpty()) {
        return invalid("before", "is not a page position this service wrote");
      }
      cursor = parsed.get();
    }
    return new AuditSearchParse.Valid(
        new AuditSearch(
            username.isEmpty() ? null : username,
            eventType,
            wanted,
            client.isEmpty() ? null : client,
            start,
            end,
            cursor,
            pageSize));
  }

  private static boolean matchesAddress(String client) {
    return client.isEmpty() || ADDRESS.matcher(client).matches();
  }

  private static boolean outOfBounds(Instant time) {
    return time.isBefore(AuditSearch.EARLIEST) || time.isAfter(AuditSearch.LATEST);
  }

  /** {@code null} for an empty field (no bound); an unreadable one throws. */
  private static Instant time(String text, boolean endOfDay) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeException notAnInstant) {
      LocalDate date = LocalDate.parse(text);
      // A date as an upper bound means all of that day, up to its last microsecond (the
      // database keeps times to the microsecond).
      return endOfDay
          ? date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minus(1, ChronoUnit.MICROS)
          : date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
  }

  private static AuditSearchParse invalid(String field, String reason) {
    return new AuditSearchParse.Invalid(field, reason);
  }

  private static String trimmed(String value) {
    return value == null ? "" : value.strip();
  }
}
