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
import org.hibernate.query.SelectionQuery;

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
    Conditions where =
        new Conditions()
            .add("e.username = :username", "username", query.username())
            .add(
                "e.eventType in :types",
                "types",
                query.types().isEmpty()
                    ? null
                    : query.types().stream().map(AuditEventType::name).toList())
            .add("e.occurredAt >= :from", "from", query.from())
            .add("e.occurredAt < :to", "to", query.to());
    return database.fromTransaction(
        session -> {
          var select =
              session.createSelectionQuery(
                  "from AuditEventEntity e" + where.clause() + NEWEST_FIRST,
                  AuditEventEntity.class);
          var count =
              session.createSelectionQuery(
                  "select count(e) from AuditEventEntity e" + where.clause(), Long.class);
          where.bind(select);
          where.bind(count);
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
    Conditions where =
        new Conditions()
            .add("e.username = :username", "username", search.username())
            .add("e.eventType = :type", "type", search.type() == null ? null : search.type().name())
            .add("e.outcome = :outcome", "outcome", search.outcome())
            .add("e.clientAddress = :client", "client", search.clientAddress())
            .add("e.occurredAt >= :from", "from", search.from())
            .add("e.occurredAt <= :to", "to", search.to());
    if (search.before() != null) {
      // Keyset, not offset: stable while events are appended, and as cheap on the last page as
      // on the first (index on occurred_at, id).
      where
          .add(
              "(e.occurredAt < :beforeTime or (e.occurredAt = :beforeTime and e.id < :beforeId))",
              "beforeTime",
              search.before().occurredAt())
          .bindAlso("beforeId", search.before().id());
    }
    return database.fromTransaction(
        session -> {
          var select =
              session.createSelectionQuery(
                  "from AuditEventEntity e" + where.clause() + NEWEST_FIRST,
                  AuditEventEntity.class);
          where.bind(select);
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

  private static final String NEWEST_FIRST = " order by e.occurredAt desc, e.id desc";

  /**
   * The where clause of a query and its parameters. Every value is a bound parameter; only the
   * fixed fragments written in this class become JPQL. A null value means "no such filter".
   */
  private static final class Conditions {
    private final List<String> fragments = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    Conditions add(String fragment, String name, Object value) {
      if (value != null) {
        fragments.add(fragment);
        parameters.put(name, value);
      }
      return this;
    }

    Conditions bindAlso(String name, Object value) {
      parameters.put(name, value);
      return this;
    }

    void bind(SelectionQuery<?> query) {
      parameters.forEach(query::setParameter);
    }

    String clause() {
      return fragments.isEmpty() ? "" : " where " + String.join(" and ", fragments);
    }
  }
}
