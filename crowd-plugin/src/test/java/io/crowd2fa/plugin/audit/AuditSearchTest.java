package io.crowd2fa.plugin.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowd2fa.plugin.audit.persistence.JpaAuditLog;
import io.crowd2fa.plugin.persistence.Database;
import io.crowd2fa.plugin.persistence.DatabaseVendor;
import io.crowd2fa.plugin.persistence.TestDatabases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The help desk's search across users: filters combine with AND, pages run newest first by (time,
 * id) and a walk through them sees each event once, also where many events share a timestamp.
 */
@ParameterizedClass
@EnumSource(DatabaseVendor.class)
class AuditSearchTest {

  @Parameter DatabaseVendor vendor;
  static Database database;
  static AuditLog log;
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** Later than every seeded event: tests that append their own events put them after this. */
  static final Instant SEEDED_UNTIL = T0.plusSeconds(100);

  static final int SEEDED = 120;
  static final List<AuditEvent> seeded = new ArrayList<>();

  @BeforeParameterizedClassInvocation
  static void open(DatabaseVendor vendor) {
    database = TestDatabases.open(vendor);
    log = new JpaAuditLog(database);
    seeded.clear();
    for (int i = 0; i < SEEDED; i++) {
      // Seven events a second, so page boundaries fall inside groups of equal times.
      AuditEvent event =
          AuditEvent.of(
              T0.plusSeconds(i / 7),
              List.of("alice", "bob", "carol").get(i % 3),
              "10.0.0." + (i % 4),
              "UA",
              i % 4 == 0 ? AuditEventType.LOCKOUT : AuditEventType.TOTP_VERIFICATION,
              i % 5 == 0 ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
              "event " + i);
      log.append(event);
      seeded.add(event);
    }
  }

  @AfterParameterizedClassInvocation
  static void close() {
    database.close();
  }

  private static AuditSearch search(
      String username,
      AuditEventType type,
      AuditOutcome outcome,
      String client,
      Instant from,
      Instant to,
      int pageSize) {
    return new AuditSearch(username, type, outcome, client, from, to, null, pageSize);
  }

  /** All pages of {@code search}, following each page's cursor. */
  private static List<AuditSearchPage> walk(AuditSearch search) {
    List<AuditSearchPage> pages = new ArrayList<>();
    AuditSearch next = search;
    while (true) {
      AuditSearchPage page = log.search(next);
      pages.add(page);
      if (page.nextPage().isEmpty()) {
        return pages;
      }
      assertThat(pages).as("the walk ends").hasSizeLessThan(100);
      next = search.continuingAfter(page.next());
    }
  }

  private static List<String> details(List<AuditSearchPage> pages) {
    return pages.stream().flatMap(p -> p.events().stream()).map(AuditEvent::detail).toList();
  }

  /** The seeded events {@code filter} keeps, newest first (by time, then insertion order). */
  private static List<String> expected(Predicate<AuditEvent> filter) {
    List<String> out = new ArrayList<>();
    for (int i = seeded.size() - 1; i >= 0; i--) {
      if (filter.test(seeded.get(i))) {
        out.add(seeded.get(i).detail());
      }
    }
    return out;
  }

  @Test
  void walkingThePagesSeesEveryEventOnceNewestFirstEvenWhenTimesAreShared() {
    List<AuditSearchPage> pages = walk(search(null, null, null, null, null, SEEDED_UNTIL, 10));

    List<AuditEvent> events = pages.stream().flatMap(p -> p.events().stream()).toList();
    assertThat(pages).hasSize(12);
    assertThat(pages).allSatisfy(p -> assertThat(p.events()).hasSize(10));
    assertThat(events).extracting(AuditEvent::id).doesNotHaveDuplicates();
    assertThat(details(pages)).containsExactlyElementsOf(expected(e -> true));
    assertThat(events)
        .isSortedAccordingTo(
            Comparator.comparing(AuditEvent::occurredAt).thenComparing(AuditEvent::id).reversed());
  }

  @Test
  void aPageThatEndsExactlyAtTheLastEventHasNoNextPage() {
    AuditSearchPage only = log.search(search(null, null, null, null, null, SEEDED_UNTIL, 200));

    assertThat(only.events()).hasSize(SEEDED);
    assertThat(only.nextPage()).isEmpty();
  }

  @Test
  void eventsAppendedDuringTheWalkDoNotShiftTheFollowingPages() {
    Instant later = SEEDED_UNTIL.plusSeconds(1000);
    for (int i = 0; i < 5; i++) {
      log.append(
          AuditEvent.of(
              later, "dave", null, null, AuditEventType.LOCKOUT, AuditOutcome.FAILURE, "d" + i));
    }
    AuditSearch daves = search("dave", null, null, null, null, null, 2);
    AuditSearchPage first = log.search(daves);

    log.append(
        AuditEvent.of(
            later.plusSeconds(1),
            "dave",
            null,
            null,
            AuditEventType.LOCKOUT,
            AuditOutcome.FAILURE,
            "newest"));
    List<String> rest = details(walk(daves.continuingAfter(first.next())));

    assertThat(first.events()).extracting(AuditEvent::detail).containsExactly("d4", "d3");
    assertThat(rest).containsExactly("d2", "d1", "d0");
  }

  @Test
  void everyFilterCombinesWithTheOthers() {
    Instant from = T0.plusSeconds(3);
    Instant to = T0.plusSeconds(14);
    List<String> found =
        details(
            walk(
                search(
                    "alice",
                    AuditEventType.TOTP_VERIFICATION,
                    AuditOutcome.FAILURE,
                    "10.0.0.1",
                    from,
                    to,
                    3)));

    assertThat(found)
        .isNotEmpty()
        .containsExactlyElementsOf(
            expected(
                e ->
                    e.username().equals("alice")
                        && e.type().equals(AuditEventType.TOTP_VERIFICATION)
                        && e.outcome() == AuditOutcome.FAILURE
                        && e.clientAddress().equals("10.0.0.1")
                        && !e.occurredAt().isBefore(from)
                        && !e.occurredAt().isAfter(to)));
  }

  @Test
  void eachFilterAloneKeepsExactlyItsEvents() {
    assertThat(details(walk(search("bob", null, null, null, null, SEEDED_UNTIL, 50))))
        .containsExactlyElementsOf(expected(e -> e.username().equals("bob")));
    assertThat(
            details(walk(search(null, AuditEventType.LOCKOUT, null, null, null, SEEDED_UNTIL, 50))))
        .containsExactlyElementsOf(expected(e -> e.type().equals(AuditEventType.LOCKOUT)));
    assertThat(details(walk(search(null, null, AuditOutcome.SUCCESS, null, null, null, 50))))
        .containsExactlyElementsOf(expected(e -> e.outcome() == AuditOutcome.SUCCESS));
    assertThat(details(walk(search(null, null, null, "10.0.0.3", null, null, 50))))
        .containsExactlyElementsOf(expected(e -> "10.0.0.3".equals(e.clientAddress())));
  }

  @Test
  void bothTimeBoundsAreInclusive() {
    Instant second = T0.plusSeconds(3);

    List<String> found = details(walk(search(null, null, null, null, second, second, 50)));

    assertThat(found)
        .hasSize(7)
        .containsExactlyElementsOf(expected(e -> e.occurredAt().equals(second)));
  }

  @Test
  void aUsernameMatchesExactlyNeverByCaseOrAsAPattern() {
    log.append(
        AuditEvent.of(
            SEEDED_UNTIL.plusSeconds(2000),
            "x' or '1'='1",
            null,
            null,
            AuditEventType.LOCKOUT,
            AuditOutcome.FAILURE,
            "quoted"));

    assertThat(log.search(search("ALICE", null, null, null, null, null, 50)).events()).isEmpty();
    assertThat(log.search(search("%", null, null, null, null, null, 50)).events()).isEmpty();
    assertThat(log.search(search("ali_e", null, null, null, null, null, 50)).events()).isEmpty();
    assertThat(log.search(search("x' or '1'='1", null, null, null, null, null, 50)).events())
        .extracting(AuditEvent::detail)
        .containsExactly("quoted");
  }

  @Test
  void aCursorOlderThanEveryEventGivesAnEmptyLastPage() {
    AuditSearch past =
        search(null, null, null, null, null, null, 50)
            .continuingAfter(new AuditCursor(T0.minusSeconds(1), Long.MAX_VALUE));

    AuditSearchPage page = log.search(past);

    assertThat(page.events()).isEmpty();
    assertThat(page.nextPage()).isEmpty();
  }

  @Test
  void aSearchOutsideItsBoundsCannotBeBuilt() {
    assertThatThrownBy(() -> search(null, null, null, null, T0.plusSeconds(1), T0, 50))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> search(null, null, null, null, null, null, 201))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> search(null, null, null, null, null, null, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> search(" ", null, null, null, null, null, 50))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> search("u".repeat(256), null, null, null, null, null, 50))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> search(null, null, null, null, Instant.parse("1969-12-31T23:59:59Z"), null, 50))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AuditCursor(T0, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
