package io.crowd2fa.plugin.audit;

import java.util.List;

/** One page of an {@link AuditQuery}'s events, newest first, with the total match count. */
public record AuditPage(List<AuditEvent> events, int page, int pageSize, long total) {

  public AuditPage {
    events = List.copyOf(events);
  }
}
