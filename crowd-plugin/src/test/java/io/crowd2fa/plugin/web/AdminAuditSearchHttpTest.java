package io.crowd2fa.plugin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The help desk's audit search ({@code /admin/events}): only for the admin group, every search
 * audited once under the admin with its filters, filters that combine, pages that walk every event
 * once, escaped output, and a clear 400 for any malformed field.
 */
class AdminAuditSearchHttpTest extends HarnessTest {

  /** Before the harness clock's day, so seeded events sort below everything the test does. */
  static final Instant YESTERDAY = Instant.parse("2026-11-27T12:00:00Z");

  private static final Pattern ROW =
      Pattern.compile(
          "<tr class=\"event\"><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td>"
              + "<td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td></tr>");
  private static final Pattern NEXT = Pattern.compile("<a id=\"next-page\" href=\"([^\"]*)\">");

  private ServiceHarness.Browser signedInAdmin() {
    ServiceHarness.Browser admin = harness.browser();
    steps.enrolTotp(admin, "admin", "");
    return admin;
  }

  private static List<String[]> rows(HttpResponse<String> page) {
    List<String[]> rows = new ArrayList<>();
    Matcher m = ROW.matcher(page.body());
    while (m.find()) {
      rows.add(
          new String[] {m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6)});
    }
    return rows;
  }

  private static List<String> details(HttpResponse<String> page) {
    return rows(page).stream().map(r -> r[5]).toList();
  }

  /** The "older events" link as a path under the service, or empty on the last page. */
  private static String nextLink(HttpResponse<String> page) {
    Matcher m = NEXT.matcher(page.body());
    return m.find()
        ? m.group(1).replace("&amp;", "&").replace(ServiceHarness.SERVICE_PATH, "")
        : "";
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void theHelpDeskLinksToTheSearchWhichShowsEveryonesEventsNewestFirstAndIsAuditedOnce() {
    ServiceHarness.Browser admin = signedInAdmin();
    harness.appendAuditEvent(
        YESTERDAY, "alice", "10.1.1.1", "LOCKOUT", "FAILURE", "alice locked out");
    harness.appendAuditEvent(
        YESTERDAY.plusSeconds(1), "bob", "10.1.1.2", "LOGOUT", "SUCCESS", "bob left");

    HttpResponse<String> desk = admin.get("/admin");
    HttpResponse<String> search = admin.get("/admin/events");

    assertThat(desk.body()).contains("href=\"" + ServiceHarness.SERVICE_PATH + "/admin/events\"");
    assertThat(search.statusCode()).isEqualTo(200);
    List<String[]> rows = rows(search);
    assertThat(rows.get(0)[1]).isEqualTo("ADMIN_AUDIT_SEARCHED");
    assertThat(rows.get(0)[3]).isEqualTo("admin");
    assertThat(rows.subList(rows.size() - 2, rows.size()))
        .containsExactly(
            new String[] {
              "2026-11-27 12:00:01", "LOGOUT", "SUCCESS", "bob", "10.1.1.2", "bob left"
            },
            new String[] {
              "2026-11-27 12:00:00", "LOCKOUT", "FAILURE", "alice", "10.1.1.1", "alice locked out"
            });
    assertThat(harness.auditDetails("ADMIN_AUDIT_SEARCHED")).containsExactly("admin no filters");
  }

  @Test
  void filtersCombineAndTheSearchIsAuditedNamingTheAdminAndTheFilters() {
    ServiceHarness.Browser admin = signedInAdmin();
    harness.appendAuditEvent(YESTERDAY, "alice", "10.1.1.1", "LOCKOUT", "FAILURE", "match");
    harness.appendAuditEvent(YESTERDAY, "alice", "10.1.1.1", "LOCKOUT", "SUCCESS", "outcome");
    harness.appendAuditEvent(YESTERDAY, "alice", "10.1.1.2", "LOCKOUT", "FAILURE", "client");
    harness.appendAuditEvent(YESTERDAY, "alice", "10.1.1.1", "LOGOUT", "FAILURE", "type");
    harness.appendAuditEvent(YESTERDAY, "bob", "10.1.1.1", "LOCKOUT", "FAILURE", "user");
    harness.appendAuditEvent(
        YESTERDAY.minusSeconds(86_400), "alice", "10.1.1.1", "LOCKOUT", "FAILURE", "too early");
    harness.appendAuditEvent(
        Instant.parse("2026-11-28T00:00:00Z"), "alice", "10.1.1.1", "LOCKOUT", "FAILURE", "late");

    HttpResponse<String> search =
        admin.get(
            "/admin/events?username=alice&type=LOCKOUT&outcome=FAILURE&client=10.1.1.1"
                + "&from=2026-11-27&to=2026-11-27");

    assertThat(search.statusCode()).isEqualTo(200);
    assertThat(details(search)).containsExactly("match");
    assertThat(search.body()).doesNotContain("id=\"next-page\"");
    assertThat(harness.auditDetails("ADMIN_AUDIT_SEARCHED"))
        .containsExactly(
            "admin user=alice type=LOCKOUT outcome=FAILURE client=10.1.1.1"
                + " from=2026-11-27T00:00:00Z to=2026-11-27T23:59:59.999999Z");
  }

  @Test
  void thePagesWalkEveryEventExactlyOnceEvenWhenTheyShareATimestamp() {
    ServiceHarness.Browser admin = signedInAdmin();
    List<String> seeded = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      // Ten events a second: page boundaries (50) fall inside groups of equal times.
      harness.appendAuditEvent(
          YESTERDAY.plusSeconds(i / 10), "walker", "10.2.0.1", "LOCKOUT", "FAILURE", "e" + i);
      seeded.add(0, "e" + i);
    }

    List<String> walked = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    String link = "/admin/events?username=walker&type=LOCKOUT";
    while (!link.isEmpty()) {
      HttpResponse<String> page = admin.get(link);
      assertThat(page.statusCode()).isEqualTo(200);
      walked.addAll(details(page));
      sizes.add(details(page).size());
      link = nextLink(page);
      assertThat(link)
          .matches("|/admin/events\\?username=walker&type=LOCKOUT&before=[0-9]+-[0-9]+");
    }

    assertThat(sizes).containsExactly(50, 50, 20);
    assertThat(walked).doesNotHaveDuplicates().containsExactlyElementsOf(seeded);
    assertThat(harness.auditDetails("ADMIN_AUDIT_SEARCHED"))
        .hasSize(3)
        .allMatch(d -> d.startsWith("admin user=walker type=LOCKOUT"))
        .filteredOn(d -> d.contains(" before="))
        .hasSize(2);
  }

  @Test
  void aUserOutsideTheAdminGroupIsRefusedSeesNoEventsAndIsAudited() {
    ServiceHarness.Browser alice = harness.browser();
    steps.enrolTotp(alice, "alice", ServiceHarness.JIRA);
    harness.appendAuditEvent(YESTERDAY, "bob", "10.1.1.1", "LOCKOUT", "FAILURE", "bob secret");

    HttpResponse<String> search = alice.get("/admin/events?username=bob");

    assertThat(search.statusCode()).isEqualTo(403);
    assertThat(search.body()).doesNotContain("bob secret").doesNotContain("<tr class=\"event\">");
    assertThat(harness.auditDetails("ADMIN_REJECTED"))
        .containsExactly("alice not in crowd-administrators");
    assertThat(harness.auditDetails("ADMIN_AUDIT_SEARCHED")).isEmpty();
  }

  @Test
  void withoutSignInTheSearchSendsToLoginAndWithoutAssertionToTheSecondFactor() {
    ServiceHarness.Browser stranger = harness.browser();
    ServiceHarness.Browser admin = signedInAdmin();
    admin.removeCookie("crowd2fa.assertion");

    HttpResponse<String> anonymous = stranger.get("/admin/events?username=alice");
    HttpResponse<String> noAssertion = admin.get("/admin/events");

    assertThat(anonymous.statusCode()).isEqualTo(303);
    assertThat(Steps.location(anonymous)).endsWith("/plugins/servlet/2fa/login");
    assertThat(Steps.location(noAssertion))
        .contains("/verify?os_destination=")
        .endsWith("%2Fplugins%2Fservlet%2F2fa%2Fadmin%2Fevents");
    assertThat(harness.auditDetails("ADMIN_AUDIT_SEARCHED")).isEmpty();
  }

  @Test
  void markupInAUsernameOrDetailIsShownAsTextNeverAsMarkup() {
    ServiceHarness.Browser admin = signedInAdmin();
    String user = "<img src=x onerror=alert(1)>";
    harness.appendAuditEvent(
        YESTERDAY,
        user,
        "10.1.1.1",
        "LOGIN_PASSWORD_REJECTED",
        "FAILURE",
        "<script>alert(2)</script>");

    HttpResponse<String> search = admin.get("/admin/events?username=" + q(user));

    assertThat(search.statusCode()).isEqualTo(200);
    assertThat(search.body())
        .doesNotContain("<img src=x")
        .doesNotContain("<script>alert(2)")
        .contains("<td>&lt;img src=x onerror=alert(1)&gt;</td>")
        .contains("<td>&lt;script&gt;alert(2)&lt;/script&gt;</td>")
        .contains("value=\"&lt;img src=x onerror=alert(1)>\"");
  }

  @Test
  void sqlLikeInputIsOnlyEverAValueToMatch() {
    ServiceHarness.Browser admin = signedInAdmin();
    String quoted = "x' OR '1'='1";
    harness.appendAuditEvent(YESTERDAY, "alice", "10.1.1.1", "LOCKOUT", "FAILURE", "alice's");
    harness.appendAuditEvent(YESTERDAY, quoted, "10.1.1.1", "LOCKOUT", "FAILURE", "the quoted one");

    HttpResponse<String> injection = admin.get("/admin/events?username=" + q("alice' OR '1'='1"));
    HttpResponse<String> exact = admin.get("/admin/events?username=" + q(quoted));
    HttpResponse<String> wildcard = admin.get("/admin/events?username=%25");

    assertThat(injection.statusCode()).isEqualTo(200);
    assertThat(rows(injection)).isEmpty();
    assertThat(injection.body()).contains("No events match.");
    assertThat(details(exact)).containsExactly("the quoted one");
    assertThat(rows(wildcard)).isEmpty();
    assertThat(harness.auditEvents())
        .filteredOn(e -> e.startsWith("ADMIN_AUDIT_SEARCHED"))
        .hasSize(3);
  }

  @Test
  void malformedFieldsAreA400WithAClearMessageAndAuditedAsBadRequestsNotSearches() {
    ServiceHarness.Browser admin = signedInAdmin();
    Map<String, String> cases =
        Map.of(
            "type=NO_SUCH_EVENT",
            "Event is not one of the service's event types.",
            "from=yesterday",
            "From is not an ISO-8601 time",
            "from=2026-11-29&to=2026-11-28",
            "To is before from.",
            "to=%2B10000-01-01T00:00:00Z",
            "To is outside 1970-01-01T00:00:00Z .. 9999-12-31T23:59:59.999999Z.",
            "username=" + "u".repeat(256),
            "Username (exact, as Crowd spells it) is longer than 255 characters.",
            "before=garbled",
            "Page position is not a page position this service wrote.",
            "before=1764316800000000-0",
            "Page position is not a page position this service wrote.",
            "outcome=MAYBE",
            "Outcome must be SUCCESS or FAILURE.",
            "client=" + q("1.1.1.1' OR 1=1 --"),
            "Client address is not an IP address.");

    cases.forEach(
        (query, message) -> {
          HttpResponse<String> refused = admin.get("/admin/events?" + query);
          assertThat(refused.statusCode()).as(query).isEqualTo(400);
          assertThat(refused.body())
              .as(query)
              .contains("The search was not run: " + message)
              .doesNotContain("<tr class=\"event\">");
        });

    assertThat(harness.auditDetails("ADMIN_AUDIT_SEARCHED")).isEmpty();
    assertThat(harness.auditDetails("BAD_REQUEST"))
        .hasSize(cases.size())
        .allMatch(d -> d.startsWith("admin /admin/events field "))
        .anyMatch(d -> d.startsWith("admin /admin/events field type "))
        .anyMatch(d -> d.startsWith("admin /admin/events field before "))
        .noneMatch(d -> d.contains("NO_SUCH_EVENT") || d.contains("garbled"));
  }
}
