package io.crowd2fa.plugin.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.plugin.webauthn.SoftwareAuthenticator;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A user who has a factor, whose rule now requires a kind they lack (admins must use a security key
 * on Jira), proves the factor they have before a new one is bound; a password alone binds nothing.
 */
class ProveBeforeEnrolmentHttpTest extends HarnessTest {

  @Test
  void aUserWithTotpWhoseRuleRequiresAKeyProvesTotpThenEnrolsTheKey() throws Exception {
    Steps.Enrolled admin = steps.enrolTotp(harness.browser(), "admin", "");
    ServiceHarness.Browser browser = harness.browser();

    HttpResponse<String> afterPassword = steps.password(browser, "admin", ServiceHarness.JIRA);
    HttpResponse<String> challenge = browser.get("/challenge");
    HttpResponse<String> proven =
        browser.post("/challenge", Map.of("method", "otp", "code", steps.code(admin.secret())));
    HttpResponse<String> choice = browser.get("/enrol");
    HttpResponse<String> keyPage = browser.post("/enrol/key", Map.of());
    SoftwareAuthenticator key =
        SoftwareAuthenticator.create("http://localhost:" + harness.base.getPort());
    HttpResponse<String> done =
        browser.post(
            "/enrol/key/finish",
            Map.of(
                "credential",
                key.register(Steps.webAuthnOptions(keyPage)),
                "nickname",
                "Admin key"));

    assertThat(Steps.location(afterPassword)).endsWith("/challenge");
    assertThat(challenge.body())
        .contains("id=\"before-enrolment\"")
        .contains("name=\"method\" value=\"otp\"");
    assertThat(Steps.location(proven)).endsWith("/enrol");
    assertThat(choice.body()).contains("/enrol/key").doesNotContain("/enrol/totp\"");
    assertThat(done.statusCode()).isEqualTo(303);
    assertThat(Steps.location(done)).isEqualTo(ServiceHarness.JIRA);
    assertThat(steps.verifiedAssertion(browser).getJWTClaimsSet().getStringListClaim("amr"))
        .containsExactlyInAnyOrder("pwd", "otp", "hwk");
  }

  @Test
  void withThePasswordAloneNoFactorIsBoundToAnAccountThatHasOne() {
    Steps.Enrolled admin = steps.enrolTotp(harness.browser(), "admin", "");
    ServiceHarness.Browser thief = harness.browser();
    steps.password(thief, "admin", ServiceHarness.JIRA);

    HttpResponse<String> wrongCode =
        thief.post(
            "/challenge",
            Map.of(
                "method",
                "otp",
                "code",
                "000000".equals(steps.code(admin.secret())) ? "111111" : "000000"));
    HttpResponse<String> keyWithoutProof = thief.post("/enrol/key", Map.of());
    HttpResponse<String> appWithoutProof = thief.post("/enrol/totp", Map.of());

    assertThat(wrongCode.statusCode()).isEqualTo(200);
    assertThat(wrongCode.body()).contains("id=\"before-enrolment\"");
    assertThat(keyWithoutProof.body()).doesNotContain("data-ceremony=\"create\"");
    assertThat(appWithoutProof.body()).doesNotContain("class=\"key\"");
    assertThat(thief.cookie("crowd.token_key")).isEmpty();
    assertThat(harness.auditEvents())
        .doesNotContain("WEBAUTHN_REGISTRATION_STARTED/SUCCESS")
        .filteredOn("TOTP_ENROLMENT_STARTED/SUCCESS"::equals)
        .as("only the admin's own first enrolment")
        .hasSize(1);
    assertThat(harness.auditDetails("LOGIN_SECOND_FACTOR_REJECTED"))
        .containsExactly("admin otp rejected");
    assertThat(harness.auditDetails("LOGIN_STEP_REJECTED"))
        .containsExactly("- enrolment without a live login", "- enrolment without a live login");
  }
}
