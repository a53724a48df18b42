package io.crowd2fa.plugin.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A search across every user's events for the help desk, newest first, one page at a time. Every
 * filter is optional and they combine with AND.
 *
 * @param username only events of exactly this name (as stored, i.e. as Crowd spells it)
 * @param type only this event type
 * @param outcome only this outcome
 * @param clientAddress only events from exactly this client address
 * @param from inclusive lower time bound
 * @param to inclusive upper time bound
 * @param before only events strictly older than this cursor (the next page), or {@code null}
 * @param pageSize 1..{@value #MAX_PAGE_SIZE}
 */
public record AuditSearch(
    String username,
    AuditEventType type,
    AuditOutcome outcome,
    String clientAddress,
    Instant from,
    Instant to,
    AuditCursor before,
    int pageSize) {

  /** The help desk's page size. */
  public static final int PAGE_SIZE = 50;

  /** Keeps one request from pulling a whole table into memory. */
  public static final int MAX_PAGE_SIZE = 200;

  /**
   * Bounds of any time in a search: no event predates the epoch, and beyond year 9999 ISO-8601
   * needs a sign and TIMESTAMP columns overflow.
   */
  public static final Instant EARLIEST = Instant.EPOCH;

  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  public AuditSearch {
    username = requireLength(username, AuditEvent.MAX_USERNAME, "username");
    clientAddress = requireLength(clientAddress, AuditEvent.MAX_CLIENT_ADDRESS, "clientAddress");
    requireWithinBounds(from, "from");
    requireWithinBounds(to, "to");
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("from must not be after to");
    }
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("pageSize must be 1.." + MAX_PAGE_SIZE);
    }
  }

  /** Everybody's events, newest first, one help-desk page. */
  public static AuditSearch everything() {
    return new AuditSearch(null, null, null, null, null, null, null, PAGE_SIZE);
  }

  /** The same filters, continuing after {@code cursor}. */
  public AuditSearch continuingAfter(AuditCursor cursor) {
    return new AuditSearch(username, type, outcome, clientAddress, from, to, cursor, pageSize);
  }

  /** The filters and position for the audit log: names only what was asked, never results. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    add(parts, "user", username);
    add(parts, "type", type);
    add(parts, "outcome", outcome);
    add(parts, "client", clientAddress);
    add(parts, "from", from);
    add(parts, "to", to);
    add(parts, "before", before == null ? null : before.token());
    return parts.isEmpty() ? "no filters" : String.join(" ", parts);
  }

  private static void add(List<String> parts, String name, Object value) {
    if (value != null) {
      parts.add(name + "=" + value);
    }
  }

  private static String requireLength(String value, int max, String name) {
    if (value != null && (value.isBlank() || value.length() > max)) {
      throw new IllegalArgumentException(name + " must be 1.." + max + " characters");
    }
    return value;
  }

  static void requireWithinBounds(Instant time, String name) {
    if (time != null && (time.isBefore(EARLIEST) || time.isAfter(LATEST))) {
      throw new IllegalArgumentException(name + " must be between " + EARLIEST + " and " + LATEST);
    }
  }
}
