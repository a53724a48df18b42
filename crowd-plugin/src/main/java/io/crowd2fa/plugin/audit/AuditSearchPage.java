package io.crowd2fa.plugin.audit;

import java.util.List;
import java.util.Optional;

/**
 * One page of an {@link AuditSearch}, newest first.
 *
 * @param next where the following page starts, or {@code null} on the last page
 */
public record AuditSearchPage(List<AuditEvent> events, AuditCursor next) {

  public AuditSearchPage {
    events = List.copyOf(events);
  }

  public Optional<AuditCursor> nextPage() {
    return Optional.ofNullable(next);
  }
}
