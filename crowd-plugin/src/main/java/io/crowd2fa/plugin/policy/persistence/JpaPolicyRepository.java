package io.crowd2fa.plugin.policy.persistence;

import io.crowd2fa.plugin.persistence.Database;
import io.crowd2fa.plugin.policy.PolicyRepository;
import io.crowd2fa.plugin.policy.StoredPolicy;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link PolicyRepository} on the {@code policy_document} table. */
public final class JpaPolicyRepository implements PolicyRepository {

  private final Database database;

  public JpaPolicyRepository(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  @Override
  public Optional<StoredPolicy> current() {
    return history(1).stream().findFirst();
  }

  /**
   * {@code ON CONFLICT DO NOTHING} (PostgreSQL, and H2 in its PostgreSQL mode): two admins saving
   * the same next version get one row and one {@code false}, without aborting the transaction.
   */
  @Override
  public boolean insert(StoredPolicy policy) {
    return database.fromTransaction(
            session ->
                session
                    .createNativeMutationQuery(
                        "insert into policy_document (version, document, changed_at, changed_by)"
                            + " values (:version, :document, :changedAt, :changedBy)"
                            + " on conflict do nothing")
                    .setParameter("version", policy.version())
                    .setParameter("document", policy.documentJson())
                    .setParameter("changedAt", policy.changedAt())
                    .setParameter("changedBy", policy.changedBy())
                    .executeUpdate())
        == 1;
  }

  @Override
  public List<StoredPolicy> history(int limit) {
    return database.fromTransaction(
        session ->
            session
                .createSelectionQuery(
                    "from PolicyDocumentEntity p order by p.version desc",
                    PolicyDocumentEntity.class)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(
                    entity -> {
                      session.detach(entity);
                      return entity.toStoredPolicy();
                    })
                .toList());
  }
}
