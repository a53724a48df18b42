package io.crowd2fa.plugin.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test double: an audit log in memory, queried newest first like the database's. */
public final class RecordingAuditLog implements AuditLog {

  private final List<AuditEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public void append(AuditEvent event) {
    events.add(event);
  }

  @Override
  public AuditPage query(AuditQuery query) {
    List<AuditEvent> matching =
        new ArrayList<>(
            events.stream()
                .filter(e -> query.username() == null || query.username().equals(e.username()))
                .filter(e -> query.types().isEmpty() || query.types().contains(e.type()))
                .toList());
    Collections.reverse(matching);
    return new AuditPage(matching, 0, query.pageSize(), matching.size());
  }

  /**
   * The filters only, on one page: events here have no ids, so paging is tested on the database
   * ({@code AuditSearchTest}).
   */
  @Override
  public AuditSearchPage search(AuditSearch search) {
    List<AuditEvent> matching =
        new ArrayList<>(
            events.stream()
                .filter(e -> search.username() == null || search.username().equals(e.username()))
                .filter(e -> search.type() == null || search.type().equals(e.type()))
                .filter(e -> search.outcome() == null || search.outcome() == e.outcome())
                .filter(
                    e ->
                        search.clientAddress() == null
                            || search.clientAddress().equals(e.clientAddress()))
                .filter(e -> search.from() == null || !e.occurredAt().isBefore(search.from()))
                .filter(e -> search.to() == null || !e.occurredAt().isAfter(search.to()))
                .toList());
    Collections.reverse(matching);
    return new AuditSearchPage(matching, null);
  }

  public List<AuditEvent> ofType(AuditEventType type) {
    return events.stream().filter(e -> e.type().equals(type)).toList();
  }

  /** The newest event of {@code type}; fails the test when there is none. */
  public AuditEvent last(AuditEventType type) {
    List<AuditEvent> found = ofType(type);
    if (found.isEmpty()) {
      throw new AssertionError("no audit event of type " + type + " in " + events);
    }
    return found.get(found.size() - 1);
  }
}
