package io.crowd2fa.plugin.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowd2fa.plugin.audit.persistence.JpaAuditLog;
import io.crowd2fa.plugin.persistence.Database;
import io.crowd2fa.plugin.persistence.DatabaseVendor;
import io.crowd2fa.plugin.persistence.TestDatabases;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(DatabaseVendor.class)
class AuditLogTest {

  @Parameter DatabaseVendor vendor;
  static Database database;
  static AuditLog log;
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @BeforeParameterizedClassInvocation
  static void open(DatabaseVendor vendor) {
    database = TestDatabases.open(vendor);
    log = new JpaAuditLog(database);
    for (int i = 0; i < 30; i++) {
      AuditEventType type = i % 3 == 0 ? AuditEventType.LOCKOUT : AuditEventType.TOTP_VERIFICATION;
      log.append(
          AuditEvent.of(
              T0.plusSeconds(i),
              i % 2 == 0 ? "alice" : "bob",
              "10.0.0." + i,
              "UA",
              type,
              i % 5 == 0 ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
              "event " + i));
    }
  }

  @AfterParameterizedClassInvocation
  static void close() {
    database.close();
  }

  @Test
  void queryByUserReturnsOnlyTheirEventsNewestFirst() {
    AuditPage page = log.query(AuditQuery.forUser("alice"));
    assertThat(page.total()).isEqualTo(15);
    assertThat(page.events()).allMatch(e -> e.username().equals("alice"));
    assertThat(page.events().get(0).detail()).isEqualTo("event 28");
    assertThat(page.events().get(0).clientAddress()).isEqualTo("10.0.0.28");
  }

  @Test
  void queryByTypeAndTimeRangeCombines() {
    AuditPage page =
        log.query(
            new AuditQuery(
                null,
                java.util.Set.of(AuditEventType.LOCKOUT),
                T0.plusSeconds(3),
                T0.plusSeconds(12),
                0,
                100));
    assertThat(page.events())
        .extracting(AuditEvent::detail)
        .containsExactly("event 9", "event 6", "event 3");
  }

  @Test
  void pagesSplitTheResultWithoutOverlap() {
    AuditPage first = log.query(AuditQuery.forUser("bob").page(0, 10));
    AuditPage second = log.query(AuditQuery.forUser("bob").page(1, 10));
    assertThat(first.events()).hasSize(10);
    assertThat(second.events()).hasSize(5);
    assertThat(first.total()).isEqualTo(15);
    assertThat(second.events()).doesNotContainAnyElementsOf(first.events());
  }

  @Test
  void overLongFieldsAreClippedNotRejected() {
    AuditEvent event =
        AuditEvent.of(
            T0,
            "carol",
            "x".repeat(500),
            "u".repeat(5000),
            AuditEventType.LOCKOUT,
            AuditOutcome.FAILURE,
            "d".repeat(5000));
    log.append(event);
    AuditEvent stored = log.query(AuditQuery.forUser("carol")).events().get(0);
    assertThat(stored.userAgent()).hasSize(AuditEvent.MAX_USER_AGENT);
    assertThat(stored.detail()).hasSize(AuditEvent.MAX_DETAIL);
  }

  @Test
  void invalidQueriesAndTypesAreRefused() {
    assertThatThrownBy(() -> AuditQuery.forUser("a").page(0, 501))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditQuery.forUser("a").between(T0, T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditEventType.of("lower case"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
