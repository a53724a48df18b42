package io.crowd2fa.plugin.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.plugin.webauthn.SoftwareAuthenticator;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Security keys over HTTP, with a software authenticator answering as the browser would. */
class SecurityKeyHttpTest {

  private static final Pattern OPTIONS = Pattern.compile("data-options=\"([^\"]+)\"");

  private ServiceHarness harness;
  private Steps steps;
  private SoftwareAuthenticator key;

  @BeforeEach
  void start() throws Exception {
    harness = new ServiceHarness();
    steps = new Steps(harness);
    key = SoftwareAuthenticator.create("http://localhost:" + harness.base.getPort());
  }

  @AfterEach
  void stop() throws Exception {
    harness.close();
  }

  private static String options(HttpResponse<String> page) {
    return Steps.first(OPTIONS, page.body())
        .replace("&#34;", "\"")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  private void enrolKey(ServiceHarness.Browser browser) {
    steps.password(browser, "alice", ServiceHarness.JIRA);
    HttpResponse<String> page = browser.post("/enrol/key", Map.of());
    assertThat(page.body()).contains("data-ceremony=\"create\"").contains("webauthn.js");
    HttpResponse<String> codes =
        browser.post(
            "/enrol/key/finish",
            Map.of("credential", key.register(options(page)), "nickname", "Blue key"));
    assertThat(codes.body()).contains("Save your recovery codes");
    HttpResponse<String> done = browser.post("/enrol/codes", Map.of("saved", "yes"));
    assertThat(done.statusCode()).isEqualTo(303);
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
