package io.crowd2fa.plugin.audit.persistence;

import io.crowd2fa.plugin.audit.AuditCursor;
import io.crowd2fa.plugin.audit.AuditEvent;
import io.crowd2fa.plugin.audit.AuditEventType;
import io.crowd2fa.plugin.audit.AuditLog;
import io.crowd2fa.plugin.audit.AuditPage;
import io.crowd2fa.plugin.audit.AuditQuery;
import io.crowd2fa.plugin.audit.AuditSearch;
import io.crowd2fa.plugin.audit.AuditSearchPage;
import io.crowd2fa.plugin.persistence.Database;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@link AuditLog} on the {@code audit_event} table. */
public final class JpaAuditLog implements AuditLog {

  private final Database database;

  public JpaAuditLog(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  @Override
  public void append(AuditEvent event) {
    database.inTransaction(session -> session.persist(new AuditEventEntity(event)));
  }

  @Override
  public AuditPage query(AuditQuery query) {
    List<String> conditions = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    if (query.username() != null) {
      conditions.add("e.username = :username");
      parameters.put("username", query.username());
    }
    if (!query.types().isEmpty()) {
      conditions.add("e.eventType in :types");
      parameters.put("types", query.types().stream().map(AuditEventType::name).toList());
    }
    if (query.from() != null) {
      conditions.add("e.occurredAt >= :from");
      parameters.put("from", query.from());
    }
    if (query.to() != null) {
      conditions.add("e.occurredAt < :to");
      parameters.put("to", query.to());
    }
    String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    return database.fromTransaction(
        session -> {
          var select =
              session.createSelectionQuery(
                  "from AuditEventEntity e" + where + " order by e.occurredAt desc, e.id desc",
                  AuditEventEntity.class);
          var count =
              session.createSelectionQuery(
                  "select count(e) from AuditEventEntity e" + where, Long.class);
          parameters.forEach(select::setParameter);
          parameters.forEach(count::setParameter);
          List<AuditEvent> events =
              select
                  .setFirstResult(query.page() * query.pageSize())
                  .setMaxResults(query.pageSize())
                  .getResultList()
                  .stream()
                  .map(AuditEventEntity::toEvent)
                  .toList();
          return new AuditPage(events, query.page(), query.pageSize(), count.getSingleResult());
        });
  }

  @Override
  public AuditSearchPage search(AuditSearch search) {
    // Every value is a bound parameter; only these fixed fragments become JPQL.
    List<String> conditions = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    if (search.username() != null) {
      conditions.add("e.username = :username");
      parameters.put("username", search.username());
    }
    if (search.type() != null) {
      conditions.add("e.eventType = :type");
      parameters.put("type", search.type().name());
    }
    if (search.outcome() != null) {
      conditions.add("e.outcome = :outcome");
      parameters.put("outcome", search.outcome());
    }
    if (search.clientAddress() != null) {
      conditions.add("e.clientAddress = :client");
      parameters.put("client", search.clientAddress());
    }
    if (search.from() != null) {
      conditions.add("e.occurredAt >= :from");
      parameters.put("from", search.from());
    }
    if (search.to() != null) {
      conditions.add("e.occurredAt <= :to");
      parameters.put("to", search.to());
    }
    if (search.before() != null) {
      // Keyset, not offset: stable while events are appended, and as cheap on the last page as
      // on the first (index on occurred_at, id).
      conditions.add(
          "(e.occurredAt < :beforeTime or (e.occurredAt = :beforeTime and e.id < :beforeId))");
      parameters.put("beforeTime", search.before().occurredAt());
      parameters.put("beforeId", search.before().id());
    }
    String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    return database.fromTransaction(
        session -> {
          var select =
              session.createSelectionQuery(
                  "from AuditEventEntity e" + where + " order by e.occurredAt desc, e.id desc",
                  AuditEventEntity.class);
          parameters.forEach(select::setParameter);
          // One row more than the page tells whether another page follows, without a count.
          List<AuditEvent> rows =
              select.setMaxResults(search.pageSize() + 1).getResultList().stream()
                  .map(AuditEventEntity::toEvent)
                  .toList();
          if (rows.size() <= search.pageSize()) {
            return new AuditSearchPage(rows, null);
          }
          List<AuditEvent> page = rows.subList(0, search.pageSize());
          return new AuditSearchPage(page, AuditCursor.after(page.get(page.size() - 1)));
        });
  }
}
