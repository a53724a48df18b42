package io.crowd2fa.plugin.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.plugin.webauthn.SoftwareAuthenticator;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Security keys over HTTP, with a software authenticator answering as the browser would. */
class SecurityKeyHttpTest extends HarnessTest {

  private SoftwareAuthenticator key;

  @BeforeEach
  void newKey() {
    key = SoftwareAuthenticator.create("http://localhost:" + harness.base.getPort());
  }

  private static String options(HttpResponse<String> page) {
    return Steps.webAuthnOptions(page);
  }

  private void enrolKey(ServiceHarness.Browser browser) {
    steps.enrolKey(browser, "alice", key);
  }

  @Test
  void securityKeyEnrolmentThenSignInEndsInAssertionWithHwk() throws Exception {
    ServiceHarness.Browser first = harness.browser();
    enrolKey(first);
    assertThat(steps.verifiedAssertion(first).getJWTClaimsSet().getStringListClaim("amr"))
        .containsExactly("pwd", "hwk");

    ServiceHarness.Browser browser = harness.browser();
    steps.password(browser, "alice", ServiceHarness.JIRA);
    HttpResponse<String> challenge = browser.get("/challenge");
    assertThat(challenge.body()).contains("data-ceremony=\"get\"");
    HttpResponse<String> done =
        browser.post(
            "/challenge", Map.of("method", "hwk", "credential", key.assertion(options(challenge))));

    assertThat(done.statusCode()).isEqualTo(303);
    assertThat(steps.verifiedAssertion(browser).getJWTClaimsSet().getStringListClaim("amr"))
        .containsExactly("pwd", "hwk");
  }

  @Test
  void aSecurityKeyAnswerReplayedInAnotherLoginIsRejected() {
    enrolKey(harness.browser());
    ServiceHarness.Browser browser = harness.browser();
    steps.password(browser, "alice", ServiceHarness.JIRA);
    String answer = key.assertion(options(browser.get("/challenge")));
    assertThat(
            browser.post("/challenge", Map.of("method", "hwk", "credential", answer)).statusCode())
        .isEqualTo(303);

    ServiceHarness.Browser attacker = harness.browser();
    steps.password(attacker, "alice", ServiceHarness.JIRA);
    attacker.get("/challenge");
    HttpResponse<String> replay =
        attacker.post("/challenge", Map.of("method", "hwk", "credential", answer));

    assertThat(replay.statusCode()).isEqualTo(200);
    assertThat(attacker.cookie("crowd.token_key")).isEmpty();
    assertThat(harness.auditDetails("LOGIN_SECOND_FACTOR_REJECTED"))
        .anySatisfy(d -> assertThat(d).contains("alice", "hwk rejected"));
  }

  @Test
  void malformedSecurityKeyAnswerIsRejectedNotAnError() {
    enrolKey(harness.browser());
    ServiceHarness.Browser browser = harness.browser();
    steps.password(browser, "alice", ServiceHarness.JIRA);
    browser.get("/challenge");

    HttpResponse<String> bad =
        browser.post("/challenge", Map.of("method", "hwk", "credential", "{\"id\":true}"));

    assertThat(bad.statusCode()).isEqualTo(200);
    assertThat(bad.body()).contains("did not work");
    assertThat(harness.auditDetails("LOGIN_SECOND_FACTOR_REJECTED")).isNotEmpty();
  }
}
