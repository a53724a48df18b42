package io.crowd2fa.plugin.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.crowd2fa.plugin.totp.TotpCodes;
import io.crowd2fa.plugin.totp.TotpParameters;
import io.crowd2fa.plugin.webauthn.SoftwareAuthenticator;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Steps a person takes through the pages, shared by the HTTP tests. */
final class Steps {

  static final Map<String, String> PASSWORDS =
      Map.of(
          "admin", "admin123",
          "alice", "alice123",
          "bob", "bob123",
          "contractor", "contractor123",
          "inactive", "inactive123");

  private static final Pattern KEY = Pattern.compile("<p class=\"key\">([A-Z2-7]+)</p>");
  private static final Pattern CREDENTIAL =
      Pattern.compile("name=\"credential\" value=\"([0-9a-f-]{36})\"");
  private static final Pattern CODE_ITEM = Pattern.compile("<li>([^<]+)</li>");
  private static final Pattern OPTIONS = Pattern.compile("data-options=\"([^\"]+)\"");

  private final ServiceHarness harness;

  Steps(ServiceHarness harness) {
    this.harness = harness;
  }

  HttpResponse<String> password(ServiceHarness.Browser browser, String user, String destination) {
    browser.get("/login");
    return browser.post(
        "/login",
        Map.of(
            "os_username", user,
            "os_password", PASSWORDS.get(user),
            "os_destination", destination));
  }

  /** A full first login of {@code user}: password, TOTP enrolment, recovery codes. */
  Enrolled enrolTotp(ServiceHarness.Browser browser, String user, String destination) {
    HttpResponse<String> afterPassword = password(browser, user, destination);
    assertThat(afterPassword.statusCode()).isEqualTo(303);
    assertThat(location(afterPassword)).endsWith("/enrol");
    assertThat(browser.get("/enrol").body()).contains("/enrol/totp");
    HttpResponse<String> qr = browser.post("/enrol/totp", Map.of());
    String secret = first(KEY, qr.body());
    String credential = first(CREDENTIAL, qr.body());
    HttpResponse<String> codesPage =
        browser.post("/enrol/totp/finish", Map.of("credential", credential, "code", code(secret)));
    assertThat(codesPage.statusCode()).isEqualTo(200);
    List<String> codes = all(CODE_ITEM, codesPage.body());
    HttpResponse<String> done = browser.post("/enrol/codes", Map.of("saved", "yes"));
    assertThat(done.statusCode()).isEqualTo(303);
    nextStep();
    return new Enrolled(secret, codes, done);
  }

  record Enrolled(String secret, List<String> recoveryCodes, HttpResponse<String> completion) {}

  /** A full first login of {@code user}: password, security key enrolment, recovery codes. */
  List<String> enrolKey(ServiceHarness.Browser browser, String user, SoftwareAuthenticator key) {
    password(browser, user, ServiceHarness.JIRA);
    HttpResponse<String> page = browser.post("/enrol/key", Map.of());
    assertThat(page.body()).contains("data-ceremony=\"create\"").contains("webauthn.js");
    HttpResponse<String> codes =
        browser.post(
            "/enrol/key/finish",
            Map.of("credential", key.register(webAuthnOptions(page)), "nickname", "Blue key"));
    assertThat(codes.body()).contains("Save your recovery codes");
    HttpResponse<String> done = browser.post("/enrol/codes", Map.of("saved", "yes"));
    assertThat(done.statusCode()).isEqualTo(303);
    return all(CODE_ITEM, codes.body());
  }

  /** The WebAuthn options a page hands to its script, unescaped from the HTML attribute. */
  static String webAuthnOptions(HttpResponse<String> page) {
    return first(OPTIONS, page.body())
        .replace("&#34;", "\"")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  String code(String secret) {
    return new TotpCodes(TotpParameters.RFC_6238_DEFAULT)
        .generateAt(secret, harness.clock.instant().getEpochSecond());
  }

  /** Moves to the next TOTP time step so a new code exists. */
  void nextStep() {
    harness.clock.advance(Duration.ofSeconds(30));
  }

  /** Verifies the assertion cookie against the published JWKS; returns the parsed JWT. */
  SignedJWT verifiedAssertion(ServiceHarness.Browser browser) throws Exception {
    String jwks = browser.get("/.well-known/jwks.json").body();
    SignedJWT jwt = SignedJWT.parse(browser.cookie("crowd2fa.assertion").orElseThrow());
    ECKey key = (ECKey) JWKSet.parse(jwks).getKeyByKeyId(jwt.getHeader().getKeyID());
    assertThat(jwt.verify(new ECDSAVerifier(key))).isTrue();
    return jwt;
  }

  /** The value a response sets for cookie {@code name}, if it sets one. */
  static java.util.Optional<String> setCookie(HttpResponse<String> response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(h -> h.startsWith(name + "="))
        .map(h -> h.substring(name.length() + 1, h.indexOf(';')))
        .filter(v -> !v.isEmpty())
        .findFirst();
  }

  static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElse("");
  }

  static String first(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    assertThat(m.find()).as("pattern %s in page", pattern).isTrue();
    return m.group(1);
  }

  static List<String> all(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
