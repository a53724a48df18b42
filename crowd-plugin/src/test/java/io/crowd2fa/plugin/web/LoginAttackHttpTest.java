package io.crowd2fa.plugin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Attacks on the login (security.md §(c)); each rejection is checked in the audit log. */
class LoginAttackHttpTest extends HarnessTest {

  private static final String EXPIRED = "Your sign-in took too long or was already used";

  @Test
  void goingStraightToLaterStepsAfterThePasswordGetsNothing() {
    steps.enrolTotp(harness.browser(), "alice", ServiceHarness.JIRA);
    int sessionsBefore = harness.crowd.sessions().size();
    ServiceHarness.Browser browser = harness.browser();
    steps.password(browser, "alice", ServiceHarness.JIRA);

    HttpResponse<String> confirm = browser.post("/enrol/codes", Map.of("saved", "yes"));
    HttpResponse<String> skip = browser.post("/enrol/skip", Map.of());
    HttpResponse<String> enrol = browser.post("/enrol/totp", Map.of());

    assertThat(confirm.body()).contains(EXPIRED);
    assertThat(skip.body()).contains(EXPIRED);
    assertThat(enrol.body()).contains(EXPIRED);
    assertThat(browser.cookie("crowd.token_key")).isEmpty();
    assertThat(browser.cookie("crowd2fa.assertion")).isEmpty();
    assertThat(harness.crowd.sessions().size()).isEqualTo(sessionsBefore);
    assertThat(harness.auditDetails("LOGIN_STEP_REJECTED"))
        .anySatisfy(d -> assertThat(d).contains("confirmation without a live login"))
        .anySatisfy(d -> assertThat(d).contains("skip without grace"))
        .anySatisfy(d -> assertThat(d).contains("enrolment without a live login"));
  }

  @Test
  void enrolmentCannotBeSkippedWithoutGrace() {
    ServiceHarness.Browser browser = harness.browser();
    steps.password(browser, "alice", ServiceHarness.JIRA);
    assertThat(browser.get("/enrol").body()).doesNotContain("/enrol/skip");

    HttpResponse<String> skip = browser.post("/enrol/skip", Map.of());

    assertThat(skip.body()).contains(EXPIRED);
    assertThat(browser.cookie("crowd.token_key")).isEmpty();
    assertThat(harness.auditDetails("LOGIN_STEP_REJECTED"))
        .anySatisfy(d -> assertThat(d).contains("skip without grace"));
  }

  @Test
  void replayingTheCompletionRequestIsRejected() {
    Steps.Enrolled enrolled = steps.enrolTotp(harness.browser(), "alice", ServiceHarness.JIRA);
    ServiceHarness.Browser browser = harness.browser();
    HttpResponse<String> afterPassword = steps.password(browser, "alice", ServiceHarness.JIRA);
    String handle = Steps.setCookie(afterPassword, "crowd2fa.login").orElseThrow();
    String code = steps.code(enrolled.secret());
    HttpResponse<String> first = browser.post("/challenge", Map.of("method", "otp", "code", code));
    assertThat(first.statusCode()).isEqualTo(303);

    ServiceHarness.Browser replayer = harness.browser();
    replayer.get("/login");
    replayer.setCookie("crowd2fa.login", handle, ServiceHarness.SERVICE_PATH);
    HttpResponse<String> replay =
        replayer.post("/challenge", Map.of("method", "otp", "code", code));

    assertThat(replay.statusCode()).isEqualTo(200);
    assertThat(replay.body()).contains(EXPIRED);
    assertThat(Steps.setCookie(replay, "crowd.token_key")).isEmpty();
    assertThat(Steps.setCookie(replay, "crowd2fa.assertion")).isEmpty();
    assertThat(Steps.location(first))
        .doesNotContain(browser.cookie("crowd.token_key").orElseThrow());
    assertThat(harness.auditDetails("LOGIN_STEP_REJECTED"))
        .anySatisfy(d -> assertThat(d).contains("second factor without a live login"));
  }

  @Test
  void aCodeUsedTwiceIsRejectedTheSecondTime() {
    Steps.Enrolled enrolled = steps.enrolTotp(harness.browser(), "alice", ServiceHarness.JIRA);
    String code = steps.code(enrolled.secret());
    ServiceHarness.Browser first = harness.browser();
    steps.password(first, "alice", ServiceHarness.JIRA);
    assertThat(first.post("/challenge", Map.of("method", "otp", "code", code)).statusCode())
        .isEqualTo(303);

    ServiceHarness.Browser second = harness.browser();
    steps.password(second, "alice", ServiceHarness.JIRA);
    HttpResponse<String> again = second.post("/challenge", Map.of("method", "otp", "code", code));

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("That code did not work");
    assertThat(second.cookie("crowd.token_key")).isEmpty();
    assertThat(harness.auditEvents())
        .contains("TOTP_REPLAY/FAILURE", "LOGIN_SECOND_FACTOR_REJECTED/FAILURE");
  }

  @Test
  void anotherUsersCodeDoesNotPassOnesOwnLogin() {
    Steps.Enrolled alice = steps.enrolTotp(harness.browser(), "alice", ServiceHarness.JIRA);
    steps.enrolTotp(harness.browser(), "bob", ServiceHarness.JIRA);
    ServiceHarness.Browser mallory = harness.browser();
    steps.password(mallory, "bob", ServiceHarness.JIRA);

    HttpResponse<String> attempt =
        mallory.post(
            "/challenge",
            Map.of("method", "otp", "code", steps.code(alice.secret()), "os_username", "alice"));

    assertThat(attempt.body()).contains("That code did not work");
    assertThat(mallory.cookie("crowd.token_key")).isEmpty();
    assertThat(harness.auditDetails("LOGIN_SECOND_FACTOR_REJECTED"))
        .singleElement()
        .asString()
        .startsWith("bob ");
  }

  @Test
  void postsWithoutOrWithAForeignCsrfTokenAreRefused() {
    ServiceHarness.Browser browser = harness.browser();
    browser.get("/login");
    String form = ServiceHarness.encode(Map.of("os_username", "alice", "os_password", "alice123"));

    HttpResponse<String> none = browser.postRaw("/login", form);
    HttpResponse<String> forged =
        browser.postRaw("/login", form + "&crowd2fa_csrf=" + "A".repeat(43));

    assertThat(none.statusCode()).isEqualTo(403);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(harness.auditEvents()).filteredOn(e -> e.startsWith("CSRF_REJECTED")).hasSize(2);
    assertThat(harness.auditEvents()).doesNotContain("LOGIN_PASSWORD_ACCEPTED/SUCCESS");
  }

  @Test
  void plantedLoginHandleAndPlantedSsoTokenAreNotAdopted() {
    steps.enrolTotp(harness.browser(), "bob", ServiceHarness.JIRA);
    ServiceHarness.Browser attacker = harness.browser();
    String attackerHandle =
        Steps.setCookie(steps.password(attacker, "bob", ServiceHarness.JIRA), "crowd2fa.login")
            .orElseThrow();
    ServiceHarness.Browser victim = harness.browser();
    victim.get("/login");
    victim.setCookie("crowd2fa.login", attackerHandle, ServiceHarness.SERVICE_PATH);

    HttpResponse<String> afterPassword = steps.password(victim, "contractor", ServiceHarness.JIRA);

    assertThat(Steps.setCookie(afterPassword, "crowd2fa.login")).isEmpty();
    String victimToken = Steps.setCookie(afterPassword, "crowd.token_key").orElseThrow();
    ServiceHarness.Browser second = harness.browser();
    second.get("/login");
    second.setCookie("crowd.token_key", victimToken, "/");
    HttpResponse<String> again = steps.password(second, "contractor", ServiceHarness.JIRA);
    // An exempt login is completed in the password step; it does not reuse a planted token.
    assertThat(Steps.setCookie(again, "crowd.token_key")).isPresent();
    ServiceHarness.Browser alice = harness.browser();
    alice.setCookie("crowd2fa.login", attackerHandle, ServiceHarness.SERVICE_PATH);
    HttpResponse<String> aliceAfterPassword = steps.password(alice, "alice", ServiceHarness.JIRA);
    assertThat(Steps.setCookie(aliceAfterPassword, "crowd2fa.login"))
        .isPresent()
        .get()
        .isNotEqualTo(attackerHandle);
  }

  @Test
  void plantedSsoTokenIsEndedWhenTheLoginCompletes() {
    Steps.Enrolled enrolled = steps.enrolTotp(harness.browser(), "alice", ServiceHarness.JIRA);
    String planted =
        harness
            .crowd
            .sessions()
            .create("alice", java.util.List.of(), java.util.Optional.empty())
            .token();
    ServiceHarness.Browser victim = harness.browser();
    victim.setCookie("crowd.token_key", planted, "/");
    steps.password(victim, "alice", ServiceHarness.JIRA);

    HttpResponse<String> done =
        victim.post("/challenge", Map.of("method", "otp", "code", steps.code(enrolled.secret())));

    assertThat(Steps.setCookie(done, "crowd.token_key")).isPresent().get().isNotEqualTo(planted);
    assertThat(harness.crowd.sessions().find(planted)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://evil.example/",
        "//evil.example/",
        "\\\\evil.example\\",
        "https:evil.example",
        "javascript:alert(1)",
        "https://jira.example.com@evil.example/",
        "https://jira.example.com.evil.example/",
        "HTTPS://EVIL.EXAMPLE/",
        "https%3A%2F%2Fevil.example%2F"
      })
  void openRedirectAttemptsEndAtTheLandingPage(String destination) {
    ServiceHarness.Browser browser = harness.browser();
    browser.get("/login");

    HttpResponse<String> done =
        browser.post(
            "/login",
            Map.of(
                "os_username", "contractor",
                "os_password", "contractor123",
                "os_destination", destination));

    assertThat(Steps.location(done)).isEqualTo(ServiceHarness.SERVICE_PATH + "/landing");
    assertThat(harness.auditEvents()).contains("REDIRECT_REFUSED/FAILURE");
  }

  @Test
  void crowdDownInTheMiddleOfALoginFailsClosed() {
    Steps.Enrolled enrolled = steps.enrolTotp(harness.browser(), "alice", ServiceHarness.JIRA);
    ServiceHarness.Browser browser = harness.browser();
    steps.password(browser, "alice", ServiceHarness.JIRA);
    harness.crowd.close();

    HttpResponse<String> attempt =
        browser.post("/challenge", Map.of("method", "otp", "code", steps.code(enrolled.secret())));

    assertThat(attempt.statusCode()).isEqualTo(503);
    assertThat(attempt.body()).contains("Sign-in is unavailable").doesNotContain("Exception");
    assertThat(Steps.setCookie(attempt, "crowd.token_key")).isEmpty();
    assertThat(Steps.setCookie(attempt, "crowd2fa.assertion")).isEmpty();
    assertThat(harness.auditEvents()).contains("SERVICE_UNAVAILABLE/FAILURE");
  }

  @Test
  void databaseDownInTheMiddleOfALoginFailsClosed() {
    Steps.Enrolled enrolled = steps.enrolTotp(harness.browser(), "alice", ServiceHarness.JIRA);
    int sessionsBefore = harness.crowd.sessions().size();
    ServiceHarness.Browser browser = harness.browser();
    steps.password(browser, "alice", ServiceHarness.JIRA);
    harness.h2.stop();

    HttpResponse<String> attempt =
        browser.post("/challenge", Map.of("method", "otp", "code", steps.code(enrolled.secret())));

    // With the database gone the audit event cannot be stored; the service logs it instead.
    assertThat(attempt.statusCode()).isEqualTo(503);
    assertThat(attempt.body()).contains("Sign-in is unavailable");
    assertThat(Steps.setCookie(attempt, "crowd.token_key")).isEmpty();
    assertThat(Steps.setCookie(attempt, "crowd2fa.assertion")).isEmpty();
    assertThat(harness.crowd.sessions().size()).isEqualTo(sessionsBefore);
  }

  @Test
  void overLongRepeatedOrControlCharacterInputIsAPlain400() {
    ServiceHarness.Browser browser = harness.browser();
    browser.get("/login");

    HttpResponse<String> long1 =
        browser.post("/login", Map.of("os_username", "a".repeat(300), "os_password", "x"));
    HttpResponse<String> control =
        browser.post("/login", Map.of("os_username", "ali\u0000ce", "os_password", "x"));
    String csrf = browser.cookie(CsrfGuard.COOKIE).orElseThrow();
    HttpResponse<String> repeated =
        browser.postRaw(
            "/login",
            "os_username=alice&os_username=bob&os_password=x&" + CsrfGuard.FIELD + "=" + csrf);

    for (HttpResponse<String> response : java.util.List.of(long1, control, repeated)) {
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.body())
          .contains("Request not understood")
          .doesNotContain("at io.crowd2fa");
    }
    assertThat(harness.auditDetails("BAD_REQUEST"))
        .hasSize(3)
        .allSatisfy(d -> assertThat(d).contains("os_username"));
  }

  @Test
  void passwordGuessingIsThrottledPerUsername() {
    ServiceHarness.Browser browser = harness.browser();
    browser.get("/login");
    HttpResponse<String> last = null;
    for (int i = 0; i < 11; i++) {
      last = browser.post("/login", Map.of("os_username", "alice", "os_password", "guess" + i));
    }

    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(last.body()).contains("Too many sign-in attempts");
    assertThat(harness.auditEvents()).contains("LOGIN_THROTTLED/FAILURE");
    HttpResponse<String> rightPassword =
        browser.post("/login", Map.of("os_username", "alice", "os_password", "alice123"));
    assertThat(rightPassword.statusCode())
        .as("still throttled with the right password")
        .isEqualTo(429);
  }

  @Test
  void repeatedWrongCodesLockOutAndThePageSaysUntilWhen() {
    steps.enrolTotp(harness.browser(), "alice", ServiceHarness.JIRA);
    ServiceHarness.Browser browser = harness.browser();
    steps.password(browser, "alice", ServiceHarness.JIRA);
    HttpResponse<String> last = null;
    for (int i = 0; i < 7; i++) {
      last = browser.post("/challenge", Map.of("method", "otp", "code", "00000" + i));
    }

    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(last.body()).contains("You can try again after");
    assertThat(harness.auditDetails("LOGIN_SECOND_FACTOR_REJECTED"))
        .anySatisfy(d -> assertThat(d).contains("locked out"));
  }

  @Test
  void theWrongCodeThatTripsTheLockoutShowsTheLockoutPageOnThatVeryAttempt() {
    steps.enrolTotp(harness.browser(), "alice", ServiceHarness.JIRA);
    ServiceHarness.Browser browser = harness.browser();
    steps.password(browser, "alice", ServiceHarness.JIRA);
    for (int attempt = 1; attempt < 5; attempt++) {
      HttpResponse<String> wrong =
          browser.post("/challenge", Map.of("method", "otp", "code", "00000" + attempt));
      assertThat(wrong.body()).as("attempt %d", attempt).contains("That code did not work");
    }

    HttpResponse<String> fifth =
        browser.post("/challenge", Map.of("method", "otp", "code", "000005"));

    assertThat(fifth.statusCode()).isEqualTo(429);
    assertThat(fifth.body())
        .contains("Too many attempts")
        .contains("You can try again after")
        .doesNotContain("That code did not work");
    assertThat(harness.auditEvents()).contains("LOCKOUT/FAILURE");
    assertThat(harness.auditDetails("LOGIN_SECOND_FACTOR_REJECTED"))
        .hasSize(5)
        .last()
        .satisfies(d -> assertThat(d).isEqualTo("alice otp locked out"));
  }

  @Test
  void aLoginOlderThanTenMinutesCannotBeFinished() {
    Steps.Enrolled enrolled = steps.enrolTotp(harness.browser(), "alice", ServiceHarness.JIRA);
    ServiceHarness.Browser browser = harness.browser();
    steps.password(browser, "alice", ServiceHarness.JIRA);
    harness.clock.advance(Duration.ofMinutes(10).plusSeconds(1));

    HttpResponse<String> late =
        browser.post("/challenge", Map.of("method", "otp", "code", steps.code(enrolled.secret())));

    assertThat(late.body()).contains(EXPIRED);
    assertThat(browser.cookie("crowd.token_key")).isEmpty();
    assertThat(harness.auditDetails("LOGIN_STEP_REJECTED"))
        .anySatisfy(d -> assertThat(d).contains("second factor without a live login"));
  }
}
