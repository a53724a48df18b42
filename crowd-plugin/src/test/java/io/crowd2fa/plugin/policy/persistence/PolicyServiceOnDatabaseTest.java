package io.crowd2fa.plugin.policy.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowd2fa.plugin.audit.AuditEvent;
import io.crowd2fa.plugin.audit.AuditEventType;
import io.crowd2fa.plugin.audit.AuditLog;
import io.crowd2fa.plugin.audit.AuditOutcome;
import io.crowd2fa.plugin.audit.AuditQuery;
import io.crowd2fa.plugin.engine.RequestContext;
import io.crowd2fa.plugin.persistence.Database;
import io.crowd2fa.plugin.persistence.DatabaseSettings;
import io.crowd2fa.plugin.persistence.DatabaseVendor;
import io.crowd2fa.plugin.persistence.EngineEntities;
import io.crowd2fa.plugin.persistence.JpaEnginePorts;
import io.crowd2fa.plugin.persistence.TestDatabases;
import io.crowd2fa.plugin.policy.PolicyEvents;
import io.crowd2fa.plugin.policy.PolicyFile;
import io.crowd2fa.plugin.policy.PolicyImportFault;
import io.crowd2fa.plugin.policy.PolicyService;
import io.crowd2fa.plugin.policy.PolicyUpdate;
import io.crowd2fa.plugin.policy.StoredPolicy;
import io.crowd2fa.plugin.policy.VersionedPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The versioned policy on H2 and PostgreSQL, with two pools on one database as two nodes. */
@ParameterizedClass
@EnumSource(DatabaseVendor.class)
class PolicyServiceOnDatabaseTest {
  static final RequestContext ADMIN = new RequestContext("192.0.2.10", "JUnit");
  static final String V1 =
      "{\"rules\":[],\"defaultRule\":{\"action\":\"require\"},"
          + "\"applications\":{\"jira\":{\"maxAgeSeconds\":3600}}}";
  static final String V2 =
      "{\"rules\":[{\"name\":\"office\",\"match\":{\"networks\":[\"10.0.0.0/8\"]},\"action\":\"exempt\"}],"
          + "\"defaultRule\":{\"action\":\"require\",\"factors\":[\"webauthn\"]},"
          + "\"applications\":{\"jira\":{\"maxAgeSeconds\":900,"
          + "\"paths\":[{\"pattern\":\"/secure/admin/*\",\"maxAgeSeconds\":300}]}}}";

  @Parameter DatabaseVendor vendor;
  @TempDir Path dir;
  static Database nodeA;
  static Database nodeB;
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

  @BeforeParameterizedClassInvocation
  static void open(DatabaseVendor vendor) {
    DatabaseSettings settings = TestDatabases.freshSettings(vendor);
    nodeA = Database.open(settings, EngineEntities.with(PolicyEntities.ALL));
    nodeB = Database.open(settings, EngineEntities.with(PolicyEntities.ALL));
  }

  @AfterParameterizedClassInvocation
  static void close() {
    nodeA.close();
    nodeB.close();
  }

  /** The policy is one document per database: each test starts from an empty history. */
  @BeforeEach
  void emptyTables() throws SQLException {
    try (Connection connection = nodeA.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("delete from policy_document");
      statement.executeUpdate("delete from audit_event");
      connection.commit();
    }
  }

  @Test
  void beforeAnyPolicyIsSavedTheBuiltInRequiresEveryone() {
    assertThat(service(nodeA).current()).isEqualTo(VersionedPolicy.BUILT_IN);
    assertThat(service(nodeA).productPolicy("jira").toJson())
        .isEqualTo("{\"application\":\"jira\",\"maxAgeSeconds\":null,\"paths\":[],\"version\":0}");
  }

  @Test
  void updateSavesTheNextVersionKeepsHistoryAndAuditsOldAndNewVersion() throws IOException {
    new PolicyFile(service(nodeA), file("policy.json", V1)).applyAtStart();

    PolicyUpdate update = service(nodeA).update(V2, 1, "admin", ADMIN);

    assertThat(update).isInstanceOf(PolicyUpdate.Saved.class);
    assertThat(((PolicyUpdate.Saved) update).policy().version()).isEqualTo(2);
    assertThat(service(nodeB).productPolicy("JIRA").toJson())
        .isEqualTo(
            "{\"application\":\"jira\",\"maxAgeSeconds\":900,"
                + "\"paths\":[{\"pattern\":\"/secure/admin/*\",\"maxAgeSeconds\":300}],\"version\":2}");
    List<StoredPolicy> history = service(nodeB).history(10);
    assertThat(history).extracting(StoredPolicy::version).containsExactly(2, 1);
    assertThat(history.get(1).documentJson()).contains("3600");
    assertThat(history.get(0).changedBy()).isEqualTo("admin");
    AuditEvent event = only(PolicyEvents.POLICY_CHANGED.name());
    assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
    assertThat(event.username()).isEqualTo("admin");
    assertThat(event.clientAddress()).isEqualTo("192.0.2.10");
    assertThat(event.detail()).contains("version 1 -> 2").contains("rules 0 -> 1");
  }

  @Test
  void invalidUpdateIsRejectedNamingTheFieldAndAudited() {
    PolicyUpdate update =
        service(nodeA)
            .update(
                "{\"defaultRule\":{\"action\":\"require\"},\"rules\":[{\"name\":\"x\",\"action\":\"exempt\",\"match\":{\"networks\":[\"intranet\"]}}]}",
                0,
                "admin",
                ADMIN);

    assertThat(update)
        .isEqualTo(
            new PolicyUpdate.Invalid(
                "/rules/0/match/networks/0", ((PolicyUpdate.Invalid) update).message()));
    assertThat(service(nodeA).current().version()).isZero();
    AuditEvent event = only(PolicyEvents.POLICY_CHANGED.name());
    assertThat(event.outcome()).isEqualTo(AuditOutcome.FAILURE);
    assertThat(event.detail()).contains("/rules/0/match/networks/0");
  }

  @Test
  void updateFromAStaleVersionIsAConflict() {
    service(nodeA).update(V1, 0, "alice-admin", ADMIN);

    PolicyUpdate stale = service(nodeB).update(V2, 0, "bob-admin", ADMIN);

    assertThat(stale).isEqualTo(new PolicyUpdate.Conflict(1));
    assertThat(service(nodeA).current().version()).isEqualTo(1);
    assertThat(service(nodeA).current().changedBy()).contains("alice-admin");
  }

  @Test
  void twoAdminsSavingTheSameVersionOnTwoNodesAtOnceGetOneSaveAndOneConflict() throws Exception {
    CyclicBarrier barrier = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<PolicyUpdate> a =
          pool.submit(
              () -> {
                barrier.await(10, TimeUnit.SECONDS);
                return service(nodeA).update(V1, 0, "a", ADMIN);
              });
      Future<PolicyUpdate> b =
          pool.submit(
              () -> {
                barrier.await(10, TimeUnit.SECONDS);
                return service(nodeB).update(V2, 0, "b", ADMIN);
              });
      List<PolicyUpdate> outcomes =
          List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));

      assertThat(outcomes).filteredOn(PolicyUpdate.Saved.class::isInstance).hasSize(1);
      assertThat(outcomes).filteredOn(PolicyUpdate.Conflict.class::isInstance).hasSize(1);
      assertThat(service(nodeA).history(10)).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void savingTheSameDocumentAgainChangesNothing() {
    service(nodeA).update(V1, 0, "admin", ADMIN);

    assertThat(service(nodeA).update(V1, 1, "admin", ADMIN))
        .isInstanceOf(PolicyUpdate.Unchanged.class);
    assertThat(service(nodeA).history(10)).hasSize(1);
  }

  @Test
  void exportReadsBackAsTheSameDocument() {
    service(nodeA).update(V2, 0, "admin", ADMIN);
    String exported = service(nodeA).export();

    assertThat(service(nodeB).update(exported, 1, "admin", ADMIN))
        .isInstanceOf(PolicyUpdate.Unchanged.class);
  }

  // ---- the policy file as configuration

  @Test
  void policyFileAtStartBecomesVersionOneOnceForTwoNodesAndIsAudited() throws IOException {
    Path policy = file("policy.json", V1);

    VersionedPolicy onA = new PolicyFile(service(nodeA), policy).applyAtStart();
    VersionedPolicy onB = new PolicyFile(service(nodeB), policy).applyAtStart();

    assertThat(onA.version()).isEqualTo(1);
    assertThat(onB).isEqualTo(onA);
    assertThat(onA.changedBy()).hasValue(PolicyService.FILE_ACTOR);
    assertThat(only(PolicyEvents.POLICY_IMPORTED.name()).detail())
        .startsWith("version 0 -> 1 from policy.json; rules 0 -> 0");
  }

  @Test
  void policyFileEditedWhileRunningIsAppliedAtTheNextCheckAsTheNextVersion() throws IOException {
    Path policy = file("policy.json", V1);
    PolicyFile onA = new PolicyFile(service(nodeA), policy);
    PolicyFile onB = new PolicyFile(service(nodeB), policy);
    onA.applyAtStart();
    onB.applyAtStart();

    int untouched = onA.applyIfChanged();
    Files.writeString(policy, V2);
    int appliedByA = onA.applyIfChanged();
    int appliedByB = onB.applyIfChanged();

    assertThat(untouched).isZero();
    assertThat(appliedByA).isEqualTo(1);
    assertThat(appliedByB).as("node B finds the same document in force").isZero();
    assertThat(service(nodeB).productPolicy("jira").maxAgeSeconds()).isEqualTo(900);
    assertThat(service(nodeB).history(10)).extracting(StoredPolicy::version).containsExactly(2, 1);
    assertThat(auditDetails(PolicyEvents.POLICY_IMPORTED.name()))
        .containsExactly(
            "version 0 -> 1 from policy.json; rules 0 -> 0, default require -> require,"
                + " applications 0 -> 1 (full documents in the policy history)",
            "version 1 -> 2 from policy.json; rules 0 -> 1, default require -> require,"
                + " applications 1 -> 1 (full documents in the policy history)");
  }

  @Test
  void policyFileUnchangedDoesNotUndoAVersionSavedAnotherWay() throws IOException {
    PolicyFile onA = new PolicyFile(service(nodeA), file("policy.json", V1));
    onA.applyAtStart();
    service(nodeA).update(V2, 1, "admin", ADMIN);

    int applied = onA.applyIfChanged();

    assertThat(applied).isZero();
    assertThat(service(nodeA).current().version()).isEqualTo(2);
  }

  @Test
  void policyFileEditedIntoAnInvalidDocumentLeavesThePolicyInForceAndIsAuditedOnce()
      throws IOException {
    Path policy = file("policy.json", V1);
    PolicyFile onA = new PolicyFile(service(nodeA), policy);
    onA.applyAtStart();
    Files.writeString(policy, "{\"defaultRule\":{\"action\":\"require\",\"factors\":[\"sms\"]}}");

    int first = onA.applyIfChanged();
    int second = onA.applyIfChanged();

    assertThat(first).isZero();
    assertThat(second).isZero();
    assertThat(service(nodeA).current().version()).isEqualTo(1);
    List<String> refusals =
        auditDetails(PolicyEvents.POLICY_IMPORTED.name()).stream()
            .filter(d -> d.startsWith("policy file policy.json refused"))
            .toList();
    assertThat(refusals).singleElement().asString().contains("/defaultRule/factors/0");
  }

  @Test
  void policyFileInvalidAtStartStopsTheStartNamingTheField() throws IOException {
    PolicyFile onA =
        new PolicyFile(
            service(nodeA),
            file(
                "policy.json", "{\"defaultRule\":{\"action\":\"require\",\"factors\":[\"sms\"]}}"));

    assertThatThrownBy(onA::applyAtStart)
        .isInstanceOf(PolicyImportFault.class)
        .hasMessageContaining("/defaultRule/factors/0");
    assertThat(service(nodeA).current().version()).isZero();
  }

  /** The details of the events of {@code type}, oldest first. */
  private List<String> auditDetails(String type) {
    List<String> details = new ArrayList<>(events(type).stream().map(AuditEvent::detail).toList());
    Collections.reverse(details);
    return details;
  }

  /** The events of {@code type} on the shared database, newest first. */
  private static List<AuditEvent> events(String type) {
    AuditLog log = JpaEnginePorts.create(nodeA).auditLog();
    return log.query(new AuditQuery(null, Set.of(AuditEventType.of(type)), null, null, 0, 10))
        .events();
  }

  private PolicyService service(Database database) {
    return new PolicyService(
        new JpaPolicyRepository(database),
        JpaEnginePorts.create(database).auditLog(),
        JpaEnginePorts.transactions(database),
        clock);
  }

  private AuditEvent only(String type) {
    List<AuditEvent> events = events(type);
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  private Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
