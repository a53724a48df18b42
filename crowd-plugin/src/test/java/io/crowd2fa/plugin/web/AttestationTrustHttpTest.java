package io.crowd2fa.plugin.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.plugin.webauthn.SoftwareAuthenticator;
import io.crowd2fa.plugin.webauthn.TestAttestationCa;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service configured with {@code crowd2fa.webauthn.attestation.trust-roots}: at the first-login
 * enrolment and on the account page, a key of an unlisted vendor is refused with a message that
 * says so, and a listed vendor's key is registered.
 */
class AttestationTrustHttpTest {
  static final TestAttestationCa APPROVED_VENDOR = TestAttestationCa.root("Approved Vendor Root");
  static final TestAttestationCa OTHER_VENDOR = TestAttestationCa.root("Other Vendor Root");
  static final String NOT_ALLOWED = "Your organisation does not allow this security key.";

  @TempDir Path dir;
  ServiceHarness harness;
  Steps steps;
  String origin;

  @BeforeEach
  void startHarnessTrustingOneVendor() throws Exception {
    start();
  }

  private void start(String... moreConfiguration) throws Exception {
    if (harness != null) {
      harness.close();
    }
    Path roots = dir.resolve("attestation-roots.pem");
    Files.writeString(roots, TestAttestationCa.pem(APPROVED_VENDOR.certificate));
    List<String> configuration = new ArrayList<>();
    configuration.add("crowd2fa.webauthn.attestation.trust-roots=" + roots);
    configuration.addAll(List.of(moreConfiguration));
    harness = new ServiceHarness(configuration);
    steps = new Steps(harness);
    origin = "http://localhost:" + harness.base.getPort();
  }

  @AfterEach
  void stopHarness() throws Exception {
    harness.close();
  }

  @Test
  void enrolmentWithAListedVendorsModelNotOnTheAaguidAllowlistSaysItIsNotAllowed()
      throws Exception {
    start("crowd2fa.webauthn.attestation.aaguids=" + UUID.randomUUID());
    ServiceHarness.Browser browser = harness.browser();
    steps.password(browser, "alice", ServiceHarness.JIRA);
    HttpResponse<String> page = browser.post("/enrol/key", Map.of());

    HttpResponse<String> refused =
        finishKey(
            browser,
            "/enrol/key/finish",
            SoftwareAuthenticator.attestedBy(APPROVED_VENDOR, origin),
            page,
            "Unlisted model");

    assertThat(refused.body()).contains(NOT_ALLOWED);
    assertThat(harness.auditDetails("WEBAUTHN_REGISTRATION"))
        .singleElement()
        .satisfies(d -> assertThat(d).startsWith("alice AUTHENTICATOR_MODEL_NOT_ALLOWED:"));
  }

  @Test
  void enrolmentWithAKeyOfAnUnlistedVendorSaysItIsNotAllowedThenAListedKeyIsRegistered() {
    ServiceHarness.Browser browser = harness.browser();
    steps.password(browser, "alice", ServiceHarness.JIRA);
    HttpResponse<String> page = browser.post("/enrol/key", Map.of());

    HttpResponse<String> refused =
        finishKey(
            browser,
            "/enrol/key/finish",
            SoftwareAuthenticator.attestedBy(OTHER_VENDOR, origin),
            page,
            "Other key");

    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains(NOT_ALLOWED).contains("data-ceremony=\"create\"");
    assertThat(browser.cookie("crowd.token_key")).isEmpty();
    assertThat(harness.auditDetails("WEBAUTHN_REGISTRATION"))
        .singleElement()
        .satisfies(d -> assertThat(d).startsWith("alice ATTESTATION_NOT_TRUSTED:"));
    assertThat(harness.auditDetails("LOGIN_SECOND_FACTOR_REJECTED"))
        .anySatisfy(
            d -> assertThat(d).contains("alice", "hwk enrolment rejected: key not allowed"));

    HttpResponse<String> codes =
        finishKey(
            browser,
            "/enrol/key/finish",
            SoftwareAuthenticator.attestedBy(APPROVED_VENDOR, origin),
            refused,
            "Approved key");

    assertThat(codes.body()).contains("Save your recovery codes");
    assertThat(harness.auditEvents()).contains("WEBAUTHN_REGISTRATION/SUCCESS");
  }

  @Test
  void enrolmentWithAKeyWithoutAttestationSaysItIsNotAllowed() {
    ServiceHarness.Browser browser = harness.browser();
    steps.password(browser, "alice", ServiceHarness.JIRA);
    HttpResponse<String> page = browser.post("/enrol/key", Map.of());

    HttpResponse<String> refused =
        finishKey(
            browser, "/enrol/key/finish", SoftwareAuthenticator.create(origin), page, "Plain key");

    assertThat(refused.body()).contains(NOT_ALLOWED);
    assertThat(harness.auditEvents()).doesNotContain("WEBAUTHN_REGISTRATION/SUCCESS");
    assertThat(harness.auditDetails("WEBAUTHN_REGISTRATION"))
        .singleElement()
        .satisfies(d -> assertThat(d).contains("ATTESTATION_NOT_TRUSTED:", "format none"));
  }

  @Test
  void accountPageAddKeyOfAnUnlistedVendorSaysItIsNotAllowedAndAddsNothing() {
    ServiceHarness.Browser browser = harness.browser();
    steps.enrolKey(browser, "alice", SoftwareAuthenticator.attestedBy(APPROVED_VENDOR, origin));
    HttpResponse<String> page = browser.post("/account/key", Map.of());

    HttpResponse<String> refused =
        finishKey(
            browser,
            "/account/key/finish",
            SoftwareAuthenticator.attestedBy(OTHER_VENDOR, origin),
            page,
            "Other key");

    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains(NOT_ALLOWED);
    assertThat(Steps.location(refused)).isEmpty();
    assertThat(harness.auditDetails("WEBAUTHN_REGISTRATION"))
        .hasSize(2)
        .last()
        .satisfies(d -> assertThat(d).startsWith("alice ATTESTATION_NOT_TRUSTED:"));
    assertThat(browser.get("/account").body()).doesNotContain("Other key");
  }

  /** Lets {@code key} answer the creation options of {@code page} and posts the result. */
  private static HttpResponse<String> finishKey(
      ServiceHarness.Browser browser,
      String finishPath,
      SoftwareAuthenticator key,
      HttpResponse<String> page,
      String nickname) {
    return browser.post(
        finishPath,
        Map.of("credential", key.register(Steps.webAuthnOptions(page)), "nickname", nickname));
  }
}
