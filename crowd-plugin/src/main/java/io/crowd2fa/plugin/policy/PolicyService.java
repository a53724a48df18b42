package io.crowd2fa.plugin.policy;

import io.crowd2fa.plugin.audit.AuditEvent;
import io.crowd2fa.plugin.audit.AuditEventType;
import io.crowd2fa.plugin.audit.AuditLog;
import io.crowd2fa.plugin.audit.AuditOutcome;
import io.crowd2fa.plugin.engine.RequestContext;
import io.crowd2fa.plugin.engine.TransactionRunner;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The versioned policy (DESIGN D10): reads the version in force from the database on every call (so
 * every node sees a change at once), saves new versions with optimistic concurrency, audits each
 * change with its old and new version, and saves what the policy file says ({@link PolicyFile}).
 */
public final class PolicyService {

  /** Who saved a version that came from the policy file. */
  public static final String FILE_ACTOR = "policy-file";

  private final PolicyRepository repository;
  private final AuditLog audit;
  private final TransactionRunner transactions;
  private final Clock clock;
  private final PolicyJson json = new PolicyJson();
  private final PolicyEvaluator evaluator = new PolicyEvaluator();
  // Parsing is the only cost worth saving; the cache is keyed by version, so it is never stale.
  private volatile VersionedPolicy parsed = VersionedPolicy.BUILT_IN;

  public PolicyService(
      PolicyRepository repository, AuditLog audit, TransactionRunner transactions, Clock clock) {
    this.repository = repository;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** The policy in force, or the built-in default (version 0) if none was ever saved. */
  public VersionedPolicy current() {
    return transactions
        .inTransaction(() -> repository.current())
        .map(this::parsed)
        .orElse(VersionedPolicy.BUILT_IN);
  }

  /** The decision for one login or step-up, under the policy in force. */
  public PolicyDecision evaluate(LoginContext login) {
    return evaluator.evaluate(current().document(), login);
  }

  /** The {@code /product-policy} view for one Crowd application. */
  public ProductPolicy productPolicy(String application) {
    VersionedPolicy policy = current();
    return ProductPolicy.of(policy.document(), policy.version(), application);
  }

  /** The policy in force as JSON, for export (config as code). */
  public String export() {
    return json.write(current().document());
  }

  public List<StoredPolicy> history(int limit) {
    return transactions.inTransaction(() -> repository.history(limit));
  }

  /**
   * Saves {@code documentJson} as the next version, if the editor started from {@code
   * expectedVersion} (the version they loaded) and the document is valid.
   */
  public PolicyUpdate update(
      String documentJson, int expectedVersion, String actor, RequestContext context) {
    PolicyParseResult result = json.parse(documentJson);
    if (result instanceof PolicyParseResult.Invalid invalid) {
      record(
          actor,
          context,
          PolicyEvents.POLICY_CHANGED,
          AuditOutcome.FAILURE,
          "rejected edit of version " + expectedVersion + ": " + invalid);
      return new PolicyUpdate.Invalid(invalid.field(), invalid.message());
    }
    PolicyDocument document = ((PolicyParseResult.Parsed) result).document();
    return transactions.inTransaction(
        () -> save(document, expectedVersion, actor, context, PolicyEvents.POLICY_CHANGED, ""));
  }

  /**
   * Saves the document of the policy file {@code fileName} as the next version unless it is the one
   * in force (then {@link PolicyUpdate.Unchanged}); audited as an import from that file.
   */
  public PolicyUpdate applyFile(String documentJson, String fileName) {
    PolicyParseResult result = json.parse(documentJson);
    if (result instanceof PolicyParseResult.Invalid invalid) {
      record(
          FILE_ACTOR,
          RequestContext.system(),
          PolicyEvents.POLICY_IMPORTED,
          AuditOutcome.FAILURE,
          "policy file " + fileName + " refused, the policy in force stays: " + invalid);
      return new PolicyUpdate.Invalid(invalid.field(), invalid.message());
    }
    PolicyDocument document = ((PolicyParseResult.Parsed) result).document();
    return transactions.inTransaction(
        () ->
            save(
                document,
                repository.current().map(StoredPolicy::version).orElse(0),
                FILE_ACTOR,
                RequestContext.system(),
                PolicyEvents.POLICY_IMPORTED,
                " from " + fileName));
  }

  private PolicyUpdate save(
      PolicyDocument document,
      int expectedVersion,
      String actor,
      RequestContext context,
      AuditEventType event,
      String source) {
    VersionedPolicy before =
        repository.current().map(this::parsed).orElse(VersionedPolicy.BUILT_IN);
    if (before.version() != expectedVersion) {
      record(
          actor,
          context,
          PolicyEvents.POLICY_CHANGED,
          AuditOutcome.FAILURE,
          "conflict: edit of version "
              + expectedVersion
              + " but version "
              + before.version()
              + " is in force");
      return new PolicyUpdate.Conflict(before.version());
    }
    if (before.version() > 0 && before.document().equals(document)) {
      return new PolicyUpdate.Unchanged(before);
    }
    StoredPolicy stored =
        new StoredPolicy(expectedVersion + 1, json.write(document), clock.instant(), actor);
    if (!repository.insert(stored)) {
      int now = repository.current().map(StoredPolicy::version).orElse(0);
      record(
          actor,
          context,
          PolicyEvents.POLICY_CHANGED,
          AuditOutcome.FAILURE,
          "conflict: version " + stored.version() + " was saved concurrently");
      return new PolicyUpdate.Conflict(now);
    }
    record(
        actor,
        context,
        event,
        AuditOutcome.SUCCESS,
        "version "
            + before.version()
            + " -> "
            + stored.version()
            + source
            + summary(before.document(), document));
    return new PolicyUpdate.Saved(parsed(stored));
  }

  private VersionedPolicy parsed(StoredPolicy stored) {
    VersionedPolicy cached = parsed;
    if (cached.version() == stored.version()
        && cached.changedAt().equals(Optional.of(stored.changedAt()))) {
      return cached;
    }
    PolicyParseResult result = json.parse(stored.documentJson());
    if (result instanceof PolicyParseResult.Invalid invalid) {
      // Only valid documents are ever stored; a bad row means tampering or a bug: fail closed.
      throw new PolicyImportFault(
          "stored policy version " + stored.version() + " is invalid: " + invalid);
    }
    VersionedPolicy fresh =
        new VersionedPolicy(
            stored.version(),
            ((PolicyParseResult.Parsed) result).document(),
            Optional.of(stored.changedAt()),
            Optional.of(stored.changedBy()));
    parsed = fresh;
    return fresh;
  }

  private static String summary(PolicyDocument before, PolicyDocument after) {
    return "; rules "
        + before.rules().size()
        + " -> "
        + after.rules().size()
        + ", default "
        + before.defaultRule().action().jsonName()
        + " -> "
        + after.defaultRule().action().jsonName()
        + ", applications "
        + before.applications().size()
        + " -> "
        + after.applications().size()
        + " (full documents in the policy history)";
  }

  private void record(
      String actor,
      RequestContext context,
      AuditEventType type,
      AuditOutcome outcome,
      String detail) {
    Instant now = clock.instant();
    audit.append(
        AuditEvent.of(
            now, actor, context.clientAddress(), context.userAgent(), type, outcome, detail));
  }
}
