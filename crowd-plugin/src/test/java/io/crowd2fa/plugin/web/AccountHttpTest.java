package io.crowd2fa.plugin.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The self-service account page: who may see it, and attacks on its changes. */
class AccountHttpTest extends HarnessTest {

  private static final Pattern CODE_ITEM = Pattern.compile("<li>([^<]+)</li>");

  @Test
  void signedInUserSeesTheirFactorsAndRemainingRecoveryCodes() {
    ServiceHarness.Browser browser = harness.browser();
    steps.enrolTotp(browser, "alice", ServiceHarness.JIRA);

    HttpResponse<String> account = browser.get("/account");

    assertThat(account.statusCode()).isEqualTo(200);
    assertThat(account.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(account.body())
        .contains("Signed in as alice.")
        .contains("<td>Authenticator app</td><td>Authenticator app</td><td>ACTIVE</td>")
        .contains("Unused recovery codes: 10");
  }

  @Test
  void withoutSsoTheAccountPageSendsToTheLoginPage() {
    ServiceHarness.Browser stranger = harness.browser();

    HttpResponse<String> account = stranger.get("/account");

    assertThat(account.statusCode()).isEqualTo(303);
    assertThat(Steps.location(account)).endsWith("/plugins/servlet/2fa/login");
    assertThat(account.body()).doesNotContain("recovery codes");
  }

  @Test
  void aTokenWithoutAnAssertionIsSentToTheSecondFactor() {
    ServiceHarness.Browser browser = harness.browser();
    steps.enrolTotp(browser, "alice", ServiceHarness.JIRA);
    browser.removeCookie("crowd2fa.assertion");

    HttpResponse<String> account = browser.get("/account");

    assertThat(account.statusCode()).isEqualTo(303);
    assertThat(Steps.location(account)).contains("/verify?os_destination=");
    assertThat(harness.auditDetails("ACCOUNT_REJECTED")).containsExactly("alice no assertion");
  }

  @Test
  void anAssertionSignedWithAnotherKeyIsRefused() throws Exception {
    ServiceHarness.Browser browser = harness.browser();
    steps.enrolTotp(browser, "alice", ServiceHarness.JIRA);
    SignedJWT genuine = steps.verifiedAssertion(browser);
    ECKey attackerKey =
        new ECKeyGenerator(Curve.P_256).keyID(genuine.getHeader().getKeyID()).generate();
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(attackerKey.getKeyID()).build(),
            genuine.getJWTClaimsSet());
    forged.sign(new ECDSASigner(attackerKey));
    browser.removeCookie("crowd2fa.assertion");
    browser.setCookie("crowd2fa.assertion", forged.serialize(), "/");

    HttpResponse<String> account = browser.get("/account");
    HttpResponse<String> regenerate = browser.post("/account/recovery-codes", Map.of());

    assertThat(account.statusCode()).isEqualTo(303);
    assertThat(regenerate.statusCode()).isEqualTo(303);
    assertThat(Steps.location(regenerate)).contains("/verify?os_destination=");
    assertThat(harness.auditDetails("ACCOUNT_REJECTED"))
        .containsOnly("alice assertion not valid for this session");
    assertThat(regenerations()).as("only the enrolment's first codes").isEqualTo(1);
  }

  @Test
  void anotherSessionsAssertionIsNotBoundToThisToken() {
    ServiceHarness.Browser alice = harness.browser();
    steps.enrolTotp(alice, "alice", ServiceHarness.JIRA);
    ServiceHarness.Browser aliceElsewhere = harness.browser();
    steps.enrolTotp(aliceElsewhere, "bob", ServiceHarness.JIRA);
    String bobsAssertion = aliceElsewhere.cookie("crowd2fa.assertion").orElseThrow();
    alice.removeCookie("crowd2fa.assertion");
    alice.setCookie("crowd2fa.assertion", bobsAssertion, "/");

    HttpResponse<String> account = alice.get("/account");

    assertThat(account.statusCode()).isEqualTo(303);
    assertThat(account.body()).doesNotContain("Signed in as");
    assertThat(harness.auditDetails("ACCOUNT_REJECTED"))
        .containsExactly("alice assertion not valid for this session");
  }

  @Test
  void regeneratingRecoveryCodesShowsTheNewOnesOnceAndIsAudited() {
    ServiceHarness.Browser browser = harness.browser();
    Steps.Enrolled enrolled = steps.enrolTotp(browser, "alice", ServiceHarness.JIRA);

    HttpResponse<String> fresh = browser.post("/account/recovery-codes", Map.of());

    assertThat(fresh.statusCode()).isEqualTo(200);
    List<String> codes = Steps.all(CODE_ITEM, fresh.body());
    assertThat(codes).hasSize(10).doesNotContainAnyElementsOf(enrolled.recoveryCodes());
    assertThat(regenerations()).as("first codes, then these").isEqualTo(2);
    assertThat(browser.get("/account").body())
        .contains("Unused recovery codes: 10")
        .doesNotContain(codes.get(0));
  }

  @Test
  void regeneratingLongAfterTheSecondFactorAsksForItAgain() {
    ServiceHarness.Browser browser = harness.browser();
    steps.enrolTotp(browser, "alice", ServiceHarness.JIRA);
    harness.clock.advance(Duration.ofMinutes(15).plusSeconds(1));

    HttpResponse<String> stale = browser.post("/account/recovery-codes", Map.of());

    assertThat(stale.statusCode()).isEqualTo(303);
    assertThat(Steps.location(stale))
        .contains("/verify?os_destination=")
        .endsWith("%2Fplugins%2Fservlet%2F2fa%2Faccount");
    assertThat(regenerations()).as("only the enrolment's first codes").isEqualTo(1);
  }

  @Test
  void aPostWithoutCsrfTokenChangesNothingAndIsAudited() {
    ServiceHarness.Browser browser = harness.browser();
    steps.enrolTotp(browser, "alice", ServiceHarness.JIRA);

    HttpResponse<String> csrfLess = browser.postRaw("/account/recovery-codes", "");

    assertThat(csrfLess.statusCode()).isEqualTo(403);
    assertThat(harness.auditDetails("CSRF_REJECTED"))
        .containsExactly("- POST /account/recovery-codes");
    assertThat(regenerations()).as("only the enrolment's first codes").isEqualTo(1);
  }

  private long regenerations() {
    return harness.auditEvents().stream()
        .filter("RECOVERY_CODES_REGENERATED/SUCCESS"::equals)
        .count();
  }

  @Test
  void afterTheSecondFactorAgainTheUserIsBackOnTheAccountPage() {
    ServiceHarness.Browser browser = harness.browser();
    Steps.Enrolled enrolled = steps.enrolTotp(browser, "alice", ServiceHarness.JIRA);
    harness.clock.advance(Duration.ofMinutes(15).plusSeconds(1));

    HttpResponse<String> stale = browser.post("/account/recovery-codes", Map.of());
    HttpResponse<String> verify =
        browser.get(Steps.location(stale).replace(ServiceHarness.SERVICE_PATH, ""));
    HttpResponse<String> done =
        browser.post("/challenge", Map.of("method", "otp", "code", steps.code(enrolled.secret())));

    assertThat(Steps.location(verify)).endsWith("/challenge");
    assertThat(Steps.location(done)).isEqualTo(harness.base + "/account");
    assertThat(harness.auditDetails("REDIRECT_REFUSED")).isEmpty();
    assertThat(browser.post("/account/recovery-codes", Map.of()).statusCode()).isEqualTo(200);
  }
}
