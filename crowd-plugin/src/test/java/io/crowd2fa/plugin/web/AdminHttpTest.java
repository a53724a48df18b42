package io.crowd2fa.plugin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The help desk: who may use it (the admin group, with SSO, an assertion and, for changes, a fresh
 * second factor), what it shows, clearing a lockout, and removing all factors after a lost device.
 */
class AdminHttpTest extends HarnessTest {

  /** Alice enrolled, then locked out by wrong codes; the admin signed in with a second factor. */
  private ServiceHarness.Browser adminWithLockedOutAlice() {
    ServiceHarness.Browser admin = harness.browser();
    steps.enrolTotp(admin, "admin", "");
    Steps.Enrolled alice = steps.enrolTotp(harness.browser(), "alice", ServiceHarness.JIRA);
    ServiceHarness.Browser attacker = harness.browser();
    steps.password(attacker, "alice", ServiceHarness.JIRA);
    String wrong = "000000".equals(steps.code(alice.secret())) ? "111111" : "000000";
    for (int i = 0; i < 6; i++) {
      attacker.post("/challenge", Map.of("method", "otp", "code", wrong));
    }
    return admin;
  }

  @Test
  void anAdminSeesTheUsersFactorsCountersAndEventsAndTheLookIsAudited() {
    ServiceHarness.Browser admin = adminWithLockedOutAlice();

    HttpResponse<String> page = admin.get("/admin?username=ALICE");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("User alice")
        .contains("<td>Authenticator app</td><td>Authenticator app</td><td>ACTIVE</td>")
        .contains("Unused recovery codes: 10")
        .containsPattern(
            "Second-factor attempts: [0-9]+ failures in a row, [0-9]+ this hour;"
                + " locked until 2026-11-28 [0-9:]+ UTC.")
        .contains("<td>LOGIN_SECOND_FACTOR_REJECTED</td><td>FAILURE</td>");
    assertThat(harness.auditDetails("ADMIN_VIEWED")).containsExactly("alice by admin");
  }

  @Test
  void clearingTheLockoutLetsTheUserSignInAgainAndIsAuditedUnderTheUser() {
    ServiceHarness.Browser admin = adminWithLockedOutAlice();

    HttpResponse<String> reset = admin.post("/admin/reset", Map.of("username", "alice"));

    assertThat(reset.statusCode()).isEqualTo(303);
    assertThat(Steps.location(reset)).endsWith("/admin?username=alice&notice=reset");
    assertThat(admin.get(Steps.location(reset).replace(ServiceHarness.SERVICE_PATH, "")).body())
        .contains("The counters were cleared")
        .contains("Second-factor attempts: 0 failures in a row, 0 this hour; not locked.");
    assertThat(harness.auditDetails("ADMIN_RESET"))
        .singleElement()
        .asString()
        .startsWith("alice by admin: 1 counters cleared, 0 disabled factors removed");
  }

  @Test
  void removingAllFactorsAfterALostDeviceSendsTheUserToEnrolmentAndIsAudited() {
    ServiceHarness.Browser admin = adminWithLockedOutAlice();

    HttpResponse<String> unconfirmed = admin.post("/admin/remove-all", Map.of("username", "alice"));
    HttpResponse<String> removed =
        admin.post("/admin/remove-all", Map.of("username", "alice", "confirm", "yes"));

    assertThat(unconfirmed.statusCode()).isEqualTo(400);
    assertThat(Steps.location(removed)).endsWith("/admin?username=alice&notice=removed");
    assertThat(admin.get("/admin?username=alice").body())
        .contains("This user has no second factor")
        .contains("Unused recovery codes: 0");
    assertThat(harness.auditDetails("ADMIN_FACTORS_REMOVED"))
        .singleElement()
        .asString()
        .startsWith("alice by admin: 1 factors removed (TOTP 1")
        .endsWith(", 10 recovery codes removed, 1 counters cleared");
    HttpResponse<String> nextLogin =
        steps.password(harness.browser(), "alice", ServiceHarness.JIRA);
    assertThat(Steps.location(nextLogin)).endsWith("/enrol");
  }

  @Test
  void aUserOutsideTheAdminGroupIsRefusedAndAudited() {
    ServiceHarness.Browser alice = harness.browser();
    steps.enrolTotp(alice, "alice", ServiceHarness.JIRA);
    steps.enrolTotp(harness.browser(), "bob", ServiceHarness.JIRA);

    HttpResponse<String> look = alice.get("/admin?username=bob");
    HttpResponse<String> change =
        alice.post("/admin/remove-all", Map.of("username", "bob", "confirm", "yes"));

    assertThat(look.statusCode()).isEqualTo(403);
    assertThat(change.statusCode()).isEqualTo(403);
    assertThat(look.body()).doesNotContain("User bob");
    assertThat(harness.auditDetails("ADMIN_REJECTED"))
        .containsExactly("alice not in crowd-administrators", "alice not in crowd-administrators");
    assertThat(harness.auditEvents()).noneMatch(e -> e.startsWith("ADMIN_FACTORS_REMOVED"));
    assertThat(harness.auditDetails("ADMIN_VIEWED")).isEmpty();
  }

  @Test
  void withoutSignInOrAssertionTheHelpDeskSendsToLoginOrSecondFactor() {
    ServiceHarness.Browser stranger = harness.browser();
    ServiceHarness.Browser admin = harness.browser();
    steps.enrolTotp(admin, "admin", "");
    admin.removeCookie("crowd2fa.assertion");

    HttpResponse<String> anonymous = stranger.get("/admin");
    HttpResponse<String> noAssertion = admin.get("/admin");

    assertThat(Steps.location(anonymous)).endsWith("/plugins/servlet/2fa/login");
    assertThat(Steps.location(noAssertion))
        .contains("/verify?os_destination=")
        .endsWith("%2Fplugins%2Fservlet%2F2fa%2Fadmin");
  }

  @Test
  void aChangeLongAfterTheAdminsSecondFactorAsksForItAgainAndChangesNothing() {
    ServiceHarness.Browser admin = adminWithLockedOutAlice();
    harness.clock.advance(Duration.ofMinutes(15).plusSeconds(1));

    HttpResponse<String> stale =
        admin.post("/admin/remove-all", Map.of("username", "alice", "confirm", "yes"));

    assertThat(Steps.location(stale)).contains("/verify?os_destination=");
    assertThat(harness.auditDetails("ACCOUNT_REJECTED"))
        .containsExactly("admin /admin/remove-all: second factor older than 15 min");
    assertThat(harness.auditEvents()).noneMatch(e -> e.startsWith("ADMIN_FACTORS_REMOVED"));
  }

  @Test
  void anUnknownUserIsSaidSoAndNothingIsAudited() {
    ServiceHarness.Browser admin = harness.browser();
    steps.enrolTotp(admin, "admin", "");

    HttpResponse<String> look = admin.get("/admin?username=nobody");
    HttpResponse<String> reset = admin.post("/admin/reset", Map.of("username", "nobody"));

    assertThat(look.body())
        .contains("Crowd knows no user by that name.")
        .doesNotContain("User nobody");
    assertThat(Steps.location(reset)).endsWith("notice=unknown");
    assertThat(harness.auditEvents()).noneMatch(e -> e.startsWith("ADMIN_"));
  }

  @Test
  void aUserNameWithMarkupIsEscapedOnThePage() {
    ServiceHarness.Browser admin = harness.browser();
    steps.enrolTotp(admin, "admin", "");

    HttpResponse<String> look = admin.get("/admin?username=%3Cscript%3Ealert(1)%3C%2Fscript%3E");

    assertThat(look.statusCode()).isEqualTo(200);
    assertThat(look.body())
        .doesNotContain("<script>alert(1)</script>")
        .contains("value=\"&lt;script>alert(1)&lt;/script>\"");
  }
}
