package io.crowd2fa.plugin.audit;

import java.time.Instant;
import java.util.Set;

/**
 * A page of events, newest first.
 *
 * @param username only this user's events, or {@code null} for everybody's
 * @param types only these types; empty for all
 * @param from inclusive lower bound, or {@code null}
 * @param to exclusive upper bound, or {@code null}
 * @param page zero-based page number
 * @param pageSize 1..500
 */
public record AuditQuery(
    String username, Set<AuditEventType> types, Instant from, Instant to, int page, int pageSize) {

  public static final int MAX_PAGE_SIZE = 500;

  public AuditQuery {
    types = types == null ? Set.of() : Set.copyOf(types);
    if (page < 0) {
      throw new IllegalArgumentException("page must be >= 0");
    }
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("pageSize must be 1.." + MAX_PAGE_SIZE);
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("from must be before to");
    }
  }

  public static AuditQuery forUser(String username) {
    return new AuditQuery(username, Set.of(), null, null, 0, 100);
  }

  public AuditQuery withTypes(AuditEventType... onlyTypes) {
    return new AuditQuery(username, Set.of(onlyTypes), from, to, page, pageSize);
  }

  public AuditQuery between(Instant fromInclusive, Instant toExclusive) {
    return new AuditQuery(username, types, fromInclusive, toExclusive, page, pageSize);
  }

  public AuditQuery page(int number, int size) {
    return new AuditQuery(username, types, from, to, number, size);
  }
}
