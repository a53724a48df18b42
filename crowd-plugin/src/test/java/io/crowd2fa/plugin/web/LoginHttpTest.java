package io.crowd2fa.plugin.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import io.crowd2fa.model.assertion.SessionBinding;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The login flows end to end over HTTP against the Crowd stand-in. */
class LoginHttpTest extends HarnessTest {

  @Test
  void firstLoginEnrolsTotpShowsRecoveryCodesThenIssuesSsoAndAssertion() throws Exception {
    ServiceHarness.Browser browser = harness.browser();

    Steps.Enrolled enrolled =
        steps.enrolTotp(browser, "alice", ServiceHarness.JIRA + "/browse/PRJ-1");

    assertThat(enrolled.recoveryCodes()).hasSize(10);
    assertThat(Steps.location(enrolled.completion()))
        .isEqualTo(ServiceHarness.JIRA + "/browse/PRJ-1");
    String token = browser.cookie("crowd.token_key").orElseThrow();
    assertThat(harness.crowd.sessions().find(token)).isPresent();
    SignedJWT jwt = steps.verifiedAssertion(browser);
    assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("alice");
    assertThat(jwt.getJWTClaimsSet().getStringListClaim("amr")).containsExactly("pwd", "otp");
    assertThat(jwt.getJWTClaimsSet().getStringClaim("sid")).isEqualTo(SessionBinding.of(token));
    assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(harness.base.toString());
    assertThat(browser.cookie("crowd2fa.login")).isEmpty();
    assertThat(harness.auditEvents())
        .contains(
            "LOGIN_PASSWORD_ACCEPTED/SUCCESS",
            "TOTP_ENROLMENT_FINISHED/SUCCESS",
            "LOGIN_COMPLETED/SUCCESS");
  }

  @Test
  void enrolledUserLogsInWithPasswordThenTotpAndGetsSsoPlusAssertion() throws Exception {
    Steps.Enrolled enrolled = steps.enrolTotp(harness.browser(), "alice", ServiceHarness.JIRA);
    ServiceHarness.Browser browser = harness.browser();

    HttpResponse<String> afterPassword =
        steps.password(browser, "alice", ServiceHarness.JIRA + "/");
    assertThat(Steps.location(afterPassword)).endsWith("/challenge");
    assertThat(browser.cookie("crowd.token_key"))
        .as("no SSO token before the second factor")
        .isEmpty();
    assertThat(browser.cookie("crowd2fa.assertion")).isEmpty();
    HttpResponse<String> challenge = browser.get("/challenge");
    assertThat(challenge.body()).contains("autocomplete=\"one-time-code\"").contains("alice");
    HttpResponse<String> done =
        browser.post("/challenge", Map.of("method", "otp", "code", steps.code(enrolled.secret())));

    assertThat(done.statusCode()).isEqualTo(303);
    assertThat(Steps.location(done)).isEqualTo(ServiceHarness.JIRA + "/");
    assertThat(harness.crowd.sessions().find(browser.cookie("crowd.token_key").orElseThrow()))
        .isPresent();
    assertThat(steps.verifiedAssertion(browser).getJWTClaimsSet().getStringListClaim("amr"))
        .containsExactly("pwd", "otp");
    assertThat(done.headers().allValues("Set-Cookie"))
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("crowd.token_key=")
                    .contains("Path=/", "HttpOnly", "SameSite=Lax"));
  }

  @Test
  void recoveryCodeCompletesLoginOnceAndIsRecordedAsRc() throws Exception {
    Steps.Enrolled enrolled = steps.enrolTotp(harness.browser(), "bob", ServiceHarness.JIRA);
    ServiceHarness.Browser browser = harness.browser();
    steps.password(browser, "bob", ServiceHarness.JIRA);

    assertThat(browser.get("/challenge?method=rc").body()).contains("name=\"method\" value=\"rc\"");
    HttpResponse<String> done =
        browser.post("/challenge", Map.of("method", "rc", "code", enrolled.recoveryCodes().get(0)));

    assertThat(done.statusCode()).isEqualTo(303);
    assertThat(steps.verifiedAssertion(browser).getJWTClaimsSet().getStringListClaim("amr"))
        .containsExactly("pwd", "rc");
  }

  @Test
  void policyExemptionEndsInSsoWithPwdOnlyAssertion() throws Exception {
    ServiceHarness.Browser browser = harness.browser();

    HttpResponse<String> done = steps.password(browser, "contractor", ServiceHarness.JIRA);

    assertThat(done.statusCode()).isEqualTo(303);
    assertThat(Steps.location(done)).isEqualTo(ServiceHarness.JIRA);
    assertThat(steps.verifiedAssertion(browser).getJWTClaimsSet().getStringListClaim("amr"))
        .containsExactly("pwd");
    assertThat(harness.auditEvents())
        .contains("LOGIN_POLICY_EXEMPT/SUCCESS", "LOGIN_COMPLETED/SUCCESS");
  }

  @Test
  void policyDenialShowsClearPageAndIssuesNothing() {
    ServiceHarness.Browser browser = harness.browser();

    HttpResponse<String> denied =
        steps.password(browser, "admin", ServiceHarness.CONFLUENCE + "/x");

    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.body())
        .contains("not allowed to sign in")
        .as("the deny rule's reason, escaped")
        .contains(
            "Reason given by your administrator: Administrators use &lt;b&gt;Crowd&lt;/b&gt;"
                + " only &amp; nothing else")
        .doesNotContain("<b>Crowd</b>")
        .as("no policy internals")
        .doesNotContain("no-admins-on-confluence");
    assertThat(browser.cookie("crowd.token_key")).isEmpty();
    assertThat(harness.crowd.sessions().size()).isZero();
    assertThat(harness.auditDetails("LOGIN_POLICY_DENIED"))
        .singleElement()
        .asString()
        .contains("admin", "no-admins-on-confluence");
  }

  @Test
  void enrolmentMaySkippedWithinGraceAndEndsAsExemption() throws Exception {
    ServiceHarness.Browser browser = harness.browser();
    HttpResponse<String> afterPassword = steps.password(browser, "bob", ServiceHarness.CONFLUENCE);
    assertThat(Steps.location(afterPassword)).endsWith("/enrol");
    assertThat(browser.get("/enrol").body()).contains("/enrol/skip");

    HttpResponse<String> done = browser.post("/enrol/skip", Map.of());

    assertThat(Steps.location(done)).isEqualTo(ServiceHarness.CONFLUENCE);
    assertThat(steps.verifiedAssertion(browser).getJWTClaimsSet().getStringListClaim("amr"))
        .containsExactly("pwd");
    assertThat(harness.auditEvents()).contains("LOGIN_ENROLMENT_SKIPPED/SUCCESS");
  }

  @Test
  void unknownUserWrongPasswordAndInactiveAccountGetTheSameAnswer() {
    String unknown = login("nobody", "whatever").body();
    String wrong = login("alice", "wrong-password").body();
    String inactive = login("inactive", "inactive123").body();

    String message = "The username or password is not correct";
    assertThat(unknown).contains(message);
    assertThat(wrong).contains(message);
    assertThat(inactive).contains(message);
    assertThat(harness.auditDetails("LOGIN_PASSWORD_REJECTED"))
        .hasSize(3)
        .anySatisfy(d -> assertThat(d).contains("inactive", "INACTIVE_ACCOUNT"));
  }

  private HttpResponse<String> login(String user, String password) {
    ServiceHarness.Browser browser = harness.browser();
    browser.get("/login");
    return browser.post("/login", Map.of("os_username", user, "os_password", password));
  }

  @Test
  void stepUpWithoutAssertionAsksSecondFactorOnlyAndRotatesToken() throws Exception {
    Steps.Enrolled enrolled = steps.enrolTotp(harness.browser(), "alice", ServiceHarness.JIRA);
    ServiceHarness.Browser browser = harness.browser();
    // A Crowd token made some other way (a product's own form): valid, but no assertion.
    String foreignToken =
        harness
            .crowd
            .sessions()
            .create("alice", java.util.List.of(), java.util.Optional.empty())
            .token();
    browser.setCookie("crowd.token_key", foreignToken, "/");

    HttpResponse<String> verify =
        browser.get("/verify?os_destination=" + ServiceHarness.JIRA + "/secure/admin/x");
    assertThat(Steps.location(verify)).endsWith("/challenge");
    HttpResponse<String> done =
        browser.post("/challenge", Map.of("method", "otp", "code", steps.code(enrolled.secret())));

    assertThat(Steps.location(done)).isEqualTo(ServiceHarness.JIRA + "/secure/admin/x");
    String newToken = Steps.setCookie(done, "crowd.token_key").orElseThrow();
    assertThat(newToken).isNotEqualTo(foreignToken);
    assertThat(harness.crowd.sessions().find(foreignToken)).isEmpty();
    assertThat(harness.crowd.sessions().find(newToken)).isPresent();
    SignedJWT jwt = SignedJWT.parse(Steps.setCookie(done, "crowd2fa.assertion").orElseThrow());
    assertThat(jwt.getJWTClaimsSet().getStringClaim("sid")).isEqualTo(SessionBinding.of(newToken));
    assertThat(jwt.getJWTClaimsSet().getStringListClaim("amr")).containsExactly("otp");
  }

  @Test
  void stepUpWithStaleAssertionKeepsTokenAndIssuesFreshAssertion() throws Exception {
    Steps.Enrolled enrolled = steps.enrolTotp(harness.browser(), "alice", ServiceHarness.JIRA);
    ServiceHarness.Browser browser = harness.browser();
    steps.password(browser, "alice", ServiceHarness.JIRA);
    browser.post("/challenge", Map.of("method", "otp", "code", steps.code(enrolled.secret())));
    String token = browser.cookie("crowd.token_key").orElseThrow();
    long firstAuthTime =
        steps.verifiedAssertion(browser).getJWTClaimsSet().getLongClaim("auth_time");
    steps.nextStep();

    browser.get("/verify?os_destination=" + ServiceHarness.JIRA + "/secure/admin/x");
    browser.post("/challenge", Map.of("method", "otp", "code", steps.code(enrolled.secret())));

    assertThat(browser.cookie("crowd.token_key")).contains(token);
    SignedJWT fresh = steps.verifiedAssertion(browser);
    assertThat(fresh.getJWTClaimsSet().getLongClaim("auth_time")).isGreaterThan(firstAuthTime);
    assertThat(fresh.getJWTClaimsSet().getStringListClaim("amr")).containsExactly("pwd", "otp");
  }

  @Test
  void stepUpWithoutValidTokenSendsToFullLogin() {
    ServiceHarness.Browser browser = harness.browser();
    browser.setCookie("crowd.token_key", "made-up-token", "/");

    HttpResponse<String> verify =
        browser.get("/verify?os_destination=" + ServiceHarness.JIRA + "/a");

    assertThat(Steps.location(verify)).contains("/login?os_destination=");
    assertThat(harness.auditDetails("STEP_UP_REJECTED"))
        .singleElement()
        .asString()
        .contains("not valid");
  }

  @Test
  void logoutEndsCrowdSessionClearsCookiesAndGoesToAllowedDestination() throws Exception {
    ServiceHarness.Browser browser = harness.browser();
    steps.password(browser, "contractor", ServiceHarness.JIRA);
    String token = browser.cookie("crowd.token_key").orElseThrow();

    HttpResponse<String> out = browser.get("/logout?os_destination=" + ServiceHarness.JIRA + "/");

    assertThat(Steps.location(out)).isEqualTo(ServiceHarness.JIRA + "/");
    assertThat(harness.crowd.sessions().find(token)).isEmpty();
    assertThat(browser.cookie("crowd.token_key")).isEmpty();
    assertThat(browser.cookie("crowd2fa.assertion")).isEmpty();
    assertThat(harness.auditEvents()).contains("LOGOUT/SUCCESS");
    HttpResponse<String> plain = browser.get("/logout?os_destination=https://evil.example/");
    assertThat(Steps.location(plain)).endsWith("/signed-out");
  }

  @Test
  void jwksPublishesTheCurrentEs256Key() throws Exception {
    String body = harness.browser().get("/.well-known/jwks.json").body();

    com.nimbusds.jose.jwk.JWKSet set = com.nimbusds.jose.jwk.JWKSet.parse(body);
    assertThat(set.getKeys()).hasSize(1);
    assertThat(set.getKeys().get(0).isPrivate()).isFalse();
    assertThat(set.getKeys().get(0).getAlgorithm().getName()).isEqualTo("ES256");
    assertThat(body).doesNotContain("\"d\"");
  }

  @Test
  void productPolicyGivesFreshnessRulesOnly() {
    HttpResponse<String> jira = harness.browser().get("/product-policy?application=jira");

    assertThat(jira.statusCode()).isEqualTo(200);
    assertThat(jira.body())
        .startsWith(
            "{\"application\":\"jira\",\"maxAgeSeconds\":43200,\"paths\":[{\"pattern\":\"/secure/admin/*\",\"maxAgeSeconds\":900}],\"version\":")
        .doesNotContain("contractors");
    assertThat(harness.browser().get("/product-policy?application=confluence").body())
        .contains("\"maxAgeSeconds\":null");
    assertThat(harness.browser().get("/product-policy?application=%3Cscript%3E").statusCode())
        .isEqualTo(400);
  }

  @Test
  void statusReportsDatabaseAndCrowdWithoutSecrets() {
    HttpResponse<String> status = harness.browser().get("/status");

    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(status.body()).isEqualTo("{\"status\":\"UP\",\"database\":\"UP\",\"crowd\":\"UP\"}");
    harness.crowd.close();
    HttpResponse<String> down = harness.browser().get("/status");
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.body()).contains("\"crowd\":\"DOWN\"").doesNotContain("secret");
  }

  @Test
  void pagesCarrySecurityHeadersAndNoInlineScript() {
    HttpResponse<String> page = harness.browser().get("/login");

    assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline");
    assertThat(page.body()).doesNotContain("<script>").doesNotContain("http://fonts");
    assertThat(harness.browser().get("/static/webauthn.js").body()).contains("NotAllowedError");
  }
}
