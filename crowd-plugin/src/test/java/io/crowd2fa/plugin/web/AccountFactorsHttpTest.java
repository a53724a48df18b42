package io.crowd2fa.plugin.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.plugin.webauthn.SoftwareAuthenticator;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Adding and removing factors on the account page, and the attacks on it: another user's enrolment
 * or factor, another session's key ceremony, a stale second factor, a forged type, no CSRF token.
 */
class AccountFactorsHttpTest extends HarnessTest {

  private static final Pattern KEY = Pattern.compile("<p class=\"key\">([A-Z2-7]+)</p>");
  private static final Pattern CREDENTIAL =
      Pattern.compile("name=\"credential\" value=\"([0-9a-f-]{36})\"");
  private static final Pattern FACTOR_ID =
      Pattern.compile("name=\"factor\" value=\"([0-9a-f-]{36})\"");
  private static final Pattern ROW =
      Pattern.compile("<tr class=\"factor\">(.*?)</tr>", Pattern.DOTALL);

  private SoftwareAuthenticator newKey() {
    return SoftwareAuthenticator.create("http://localhost:" + harness.base.getPort());
  }

  /** Adds an authenticator app named {@code nickname} on the account page; returns its secret. */
  private String addApp(ServiceHarness.Browser browser, String nickname) {
    HttpResponse<String> qr = browser.post("/account/totp", Map.of("nickname", nickname));
    assertThat(qr.statusCode()).isEqualTo(200);
    assertThat(qr.body()).contains("action=\"/crowd/plugins/servlet/2fa/account/totp/finish\"");
    String secret = Steps.first(KEY, qr.body());
    HttpResponse<String> done =
        browser.post(
            "/account/totp/finish",
            Map.of(
                "credential", Steps.first(CREDENTIAL, qr.body()),
                "code", steps.code(secret),
                "nickname", nickname));
    assertThat(done.statusCode()).isEqualTo(303);
    assertThat(Steps.location(done)).endsWith("/account?notice=added");
    return secret;
  }

  private List<String> rows(ServiceHarness.Browser browser) {
    return Steps.all(ROW, browser.get("/account").body()).stream()
        .map(row -> row.replaceAll("<form.*", "").replaceAll("<[^>]+>", "|"))
        .toList();
  }

  private HttpResponse<String> remove(ServiceHarness.Browser browser, String type, String id) {
    return browser.post("/account/factors/remove", Map.of("type", type, "factor", id));
  }

  @Test
  void addingAnAuthenticatorAppFromTheAccountPageThenItsCodesSignIn() {
    ServiceHarness.Browser browser = harness.browser();
    steps.enrolTotp(browser, "alice", ServiceHarness.JIRA);

    String tabletSecret = addApp(browser, "Tablet");

    assertThat(browser.get("/account?notice=added").body())
        .contains("Your new sign-in method is ready to use.")
        .contains("Unused recovery codes: 10");
    assertThat(rows(browser))
        .hasSize(2)
        .anySatisfy(row -> assertThat(row).startsWith("|Authenticator app||Tablet||ACTIVE|"));
    assertThat(harness.auditEvents())
        .filteredOn("TOTP_ENROLMENT_FINISHED/SUCCESS"::equals)
        .hasSize(2);

    steps.nextStep();
    ServiceHarness.Browser later = harness.browser();
    steps.password(later, "alice", ServiceHarness.JIRA);
    HttpResponse<String> signedIn =
        later.post("/challenge", Map.of("method", "otp", "code", steps.code(tabletSecret)));
    assertThat(signedIn.statusCode()).isEqualTo(303);
    assertThat(later.cookie("crowd.token_key")).isPresent();
  }

  @Test
  void aWrongFirstCodeStartsOverWithANewSecretAndTheSameName() {
    ServiceHarness.Browser browser = harness.browser();
    steps.enrolTotp(browser, "alice", ServiceHarness.JIRA);
    HttpResponse<String> qr = browser.post("/account/totp", Map.of("nickname", "Tablet"));
    String secret = Steps.first(KEY, qr.body());

    HttpResponse<String> again =
        browser.post(
            "/account/totp/finish",
            Map.of(
                "credential",
                Steps.first(CREDENTIAL, qr.body()),
                "code",
                "000000".equals(steps.code(secret)) ? "111111" : "000000",
                "nickname",
                "Tablet"));

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body())
        .contains("role=\"alert\"")
        .contains("name=\"nickname\" value=\"Tablet\"");
    assertThat(Steps.first(KEY, again.body())).isNotEqualTo(secret);
    assertThat(rows(browser)).hasSize(1);
    assertThat(harness.auditDetails("TOTP_ENROLMENT_FINISHED"))
        .anySatisfy(d -> assertThat(d).startsWith("alice credential").endsWith("invalid code"));
  }

  @Test
  void finishingAnotherUsersPendingEnrolmentActivatesNothing() {
    ServiceHarness.Browser bob = harness.browser();
    steps.enrolTotp(bob, "bob", ServiceHarness.JIRA);
    HttpResponse<String> bobsQr = bob.post("/account/totp", Map.of("nickname", "Bob's tablet"));
    String bobsCredential = Steps.first(CREDENTIAL, bobsQr.body());
    String bobsSecret = Steps.first(KEY, bobsQr.body());
    ServiceHarness.Browser alice = harness.browser();
    steps.enrolTotp(alice, "alice", ServiceHarness.JIRA);

    HttpResponse<String> hijack =
        alice.post(
            "/account/totp/finish",
            Map.of("credential", bobsCredential, "code", steps.code(bobsSecret)));

    assertThat(hijack.statusCode()).isEqualTo(200);
    assertThat(rows(alice)).hasSize(1);
    assertThat(rows(bob)).hasSize(1);
    assertThat(harness.auditDetails("TOTP_ENROLMENT_FINISHED"))
        .contains("alice credential " + bobsCredential + " not activated: unknown enrolment");
  }

  @Test
  void aSecondSecurityKeyIsAddedThenEitherKeySignsIn() {
    SoftwareAuthenticator laptop = newKey();
    SoftwareAuthenticator backup = newKey();
    ServiceHarness.Browser browser = harness.browser();
    steps.enrolKey(browser, "alice", laptop);

    HttpResponse<String> page = browser.post("/account/key", Map.of());
    String options = Steps.webAuthnOptions(page);
    HttpResponse<String> added =
        browser.post(
            "/account/key/finish",
            Map.of("credential", backup.register(options), "nickname", "Backup key"));

    assertThat(page.body()).contains("action=\"/crowd/plugins/servlet/2fa/account/key/finish\"");
    assertThat(SoftwareAuthenticator.read(options).path("publicKey").path("excludeCredentials"))
        .as("the browser is told which key it already has")
        .anySatisfy(
            c ->
                assertThat(c.path("id").asText())
                    .isEqualTo(
                        Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(laptop.credentialId)));
    assertThat(added.statusCode()).isEqualTo(303);
    assertThat(Steps.location(added)).endsWith("/account?notice=added");
    assertThat(rows(browser))
        .hasSize(2)
        .anySatisfy(row -> assertThat(row).startsWith("|Security key||Backup key||ACTIVE|"));
    for (SoftwareAuthenticator key : List.of(backup, laptop)) {
      ServiceHarness.Browser later = harness.browser();
      steps.password(later, "alice", ServiceHarness.JIRA);
      HttpResponse<String> challenge = later.get("/challenge");
      HttpResponse<String> done =
          later.post(
              "/challenge",
              Map.of(
                  "method", "hwk", "credential", key.assertion(Steps.webAuthnOptions(challenge))));
      assertThat(done.statusCode()).isEqualTo(303);
    }
  }

  @Test
  void aKeyRegistrationStartedInOneSessionCannotBeFinishedInAnother() {
    ServiceHarness.Browser first = harness.browser();
    Steps.Enrolled alice = steps.enrolTotp(first, "alice", ServiceHarness.JIRA);
    String options = Steps.webAuthnOptions(first.post("/account/key", Map.of()));
    ServiceHarness.Browser second = harness.browser();
    steps.password(second, "alice", ServiceHarness.JIRA);
    second.post("/challenge", Map.of("method", "otp", "code", steps.code(alice.secret())));
    ServiceHarness.Browser bob = harness.browser();
    steps.enrolTotp(bob, "bob", ServiceHarness.JIRA);

    HttpResponse<String> otherSession =
        second.post(
            "/account/key/finish",
            Map.of("credential", newKey().register(options), "nickname", "Elsewhere"));
    HttpResponse<String> otherUser =
        bob.post(
            "/account/key/finish",
            Map.of("credential", newKey().register(options), "nickname", "Stolen"));

    assertThat(Steps.location(otherSession)).isEmpty();
    assertThat(List.of(otherSession, otherUser))
        .allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200))
        .allSatisfy(r -> assertThat(r.body()).contains("could not be verified"));
    assertThat(rows(first)).hasSize(1);
    assertThat(rows(bob)).hasSize(1);
    assertThat(harness.auditEvents()).doesNotContain("WEBAUTHN_REGISTRATION/SUCCESS");
    assertThat(harness.auditDetails("WEBAUTHN_REGISTRATION"))
        .hasSize(2)
        .anySatisfy(d -> assertThat(d).startsWith("alice "))
        .anySatisfy(d -> assertThat(d).startsWith("bob "));

    HttpResponse<String> sameSession =
        first.post(
            "/account/key/finish",
            Map.of("credential", newKey().register(options), "nickname", "Laptop"));
    assertThat(Steps.location(sameSession)).endsWith("/account?notice=added");
  }

  @Test
  void removingAFactorWhileAnotherRemainsThenItsCodesNoLongerWork() {
    ServiceHarness.Browser browser = harness.browser();
    Steps.Enrolled phone = steps.enrolTotp(browser, "alice", ServiceHarness.JIRA);
    addApp(browser, "Tablet");
    String phoneId = Steps.first(FACTOR_ID, browser.get("/account").body());

    HttpResponse<String> removed = remove(browser, "TOTP", phoneId);

    assertThat(Steps.location(removed)).endsWith("/account?notice=removed");
    assertThat(browser.get("/account?notice=removed").body())
        .contains("role=\"status\">The sign-in method was removed.");
    assertThat(browser.get("/account?notice=%3Cscript%3E").body())
        .as("only the fixed notices are shown")
        .doesNotContain("account-notice")
        .doesNotContain("<script>");
    assertThat(rows(browser)).singleElement().asString().contains("|Tablet|");
    assertThat(harness.auditDetails("FACTOR_REMOVED"))
        .containsExactly("alice TOTP " + phoneId + " removed");
    steps.nextStep();
    ServiceHarness.Browser later = harness.browser();
    steps.password(later, "alice", ServiceHarness.JIRA);
    HttpResponse<String> refused =
        later.post("/challenge", Map.of("method", "otp", "code", steps.code(phone.secret())));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(later.cookie("crowd.token_key")).isEmpty();
  }

  @Test
  void theLastActiveFactorIsKeptAndTheRefusalAudited() {
    ServiceHarness.Browser browser = harness.browser();
    steps.enrolTotp(browser, "alice", ServiceHarness.JIRA);
    String onlyId = Steps.first(FACTOR_ID, browser.get("/account").body());

    HttpResponse<String> kept = remove(browser, "TOTP", onlyId);

    assertThat(Steps.location(kept)).endsWith("/account?notice=kept");
    assertThat(browser.get("/account?notice=kept").body())
        .contains(
            "<p class=\"error\" id=\"account-notice\" role=\"alert\">That is your last active"
                + " second factor, so it was not removed.");
    assertThat(rows(browser)).hasSize(1);
    assertThat(harness.auditDetails("FACTOR_REMOVED"))
        .containsExactly("alice TOTP " + onlyId + " kept: last active second factor");
  }

  @Test
  void removingAnotherUsersFactorFindsNothing() {
    ServiceHarness.Browser bob = harness.browser();
    steps.enrolTotp(bob, "bob", ServiceHarness.JIRA);
    addApp(bob, "Bob's tablet");
    String bobsId = Steps.first(FACTOR_ID, bob.get("/account").body());
    ServiceHarness.Browser alice = harness.browser();
    steps.enrolTotp(alice, "alice", ServiceHarness.JIRA);
    addApp(alice, "Tablet");

    HttpResponse<String> attempt = remove(alice, "TOTP", bobsId);

    assertThat(Steps.location(attempt)).endsWith("/account?notice=notfound");
    assertThat(rows(bob)).hasSize(2);
    assertThat(harness.auditDetails("FACTOR_REMOVED"))
        .containsExactly("alice TOTP " + bobsId + " not found");
  }

  @Test
  void changesLongAfterTheSecondFactorAskForItAgainAndChangeNothing() {
    ServiceHarness.Browser browser = harness.browser();
    steps.enrolTotp(browser, "alice", ServiceHarness.JIRA);
    String onlyId = Steps.first(FACTOR_ID, browser.get("/account").body());
    harness.clock.advance(Duration.ofMinutes(15).plusSeconds(1));

    List<HttpResponse<String>> stale =
        List.of(
            browser.post("/account/totp", Map.of()),
            browser.post("/account/key", Map.of()),
            remove(browser, "TOTP", onlyId));

    assertThat(stale)
        .allSatisfy(r -> assertThat(Steps.location(r)).contains("/verify?os_destination="))
        .allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(303));
    assertThat(harness.auditDetails("ACCOUNT_REJECTED"))
        .containsExactly(
            "alice /account/totp: second factor older than 15 min",
            "alice /account/key: second factor older than 15 min",
            "alice /account/factors/remove: second factor older than 15 min");
    assertThat(harness.auditEvents())
        .doesNotContain("WEBAUTHN_REGISTRATION_STARTED/SUCCESS")
        .filteredOn("TOTP_ENROLMENT_STARTED/SUCCESS"::equals)
        .hasSize(1);
    assertThat(rows(browser)).hasSize(1);
  }

  @Test
  void aForgedFactorTypeIsABadRequest() {
    ServiceHarness.Browser browser = harness.browser();
    steps.enrolTotp(browser, "alice", ServiceHarness.JIRA);
    String onlyId = Steps.first(FACTOR_ID, browser.get("/account").body());

    HttpResponse<String> forged = remove(browser, "RECOVERY_CODE", onlyId);
    HttpResponse<String> notUuid = remove(browser, "TOTP", "../../etc/passwd");

    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(notUuid.statusCode()).isEqualTo(400);
    assertThat(harness.auditDetails("BAD_REQUEST"))
        .containsExactly("- field type", "- field factor");
    assertThat(rows(browser)).hasSize(1);
  }

  @Test
  void aRemovalWithoutCsrfTokenChangesNothingAndIsAudited() {
    ServiceHarness.Browser browser = harness.browser();
    steps.enrolTotp(browser, "alice", ServiceHarness.JIRA);
    addApp(browser, "Tablet");
    String id = Steps.first(FACTOR_ID, browser.get("/account").body());

    HttpResponse<String> csrfLess =
        browser.postRaw("/account/factors/remove", "type=TOTP&factor=" + id);

    assertThat(csrfLess.statusCode()).isEqualTo(403);
    assertThat(harness.auditDetails("CSRF_REJECTED"))
        .containsExactly("- POST /account/factors/remove");
    assertThat(rows(browser)).hasSize(2);
  }
}
