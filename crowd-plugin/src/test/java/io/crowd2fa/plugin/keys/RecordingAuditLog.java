package io.crowd2fa.plugin.keys;

import io.crowd2fa.plugin.audit.AuditEvent;
import io.crowd2fa.plugin.audit.AuditEventType;
import io.crowd2fa.plugin.audit.AuditLog;
import io.crowd2fa.plugin.audit.AuditPage;
import io.crowd2fa.plugin.audit.AuditQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test double: an audit log in memory, for signing keys on {@link InMemorySigningKeyRepository}.
 */
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

  public List<AuditEvent> ofType(AuditEventType type) {
    return events.stream().filter(e -> e.type().equals(type)).toList();
  }
}
