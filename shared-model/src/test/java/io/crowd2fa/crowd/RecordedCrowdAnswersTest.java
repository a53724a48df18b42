package io.crowd2fa.crowd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client reads answers in the shapes real Crowd servers send, as other projects' test suites
 * recorded them. The fixtures (our own values) and where each shape was seen are in {@code
 * src/test/resources/crowd-wire/README.md}.
 */
class RecordedCrowdAnswersTest {

  private FakeCrowd crowd;
  private CrowdClient client;

  @BeforeEach
  void start() throws IOException {
    crowd = new FakeCrowd();
    client = crowd.client("crowd2fa", "app-secret");
  }

  @AfterEach
  void stop() {
    crowd.close();
  }

  /**
   * Crowd 2.x: robdimarco/omniauth_crowd, spec/fixtures/session.xml (the shape, in JSON); a session
   * without created-date / expiry-date.
   */
  @Test
  void crowd2SessionWithoutDatesIsReadWithItsUser() {
    crowd.answer(200, fixture("session-crowd2-without-dates.json"));

    CrowdSession session =
        client
            .validateSession(new SsoToken("q7Zc2dLw0bTn8yVaRk3PxA00"), ValidationFactors.none())
            .orElseThrow();

    assertThat(session.token()).isEqualTo(new SsoToken("q7Zc2dLw0bTn8yVaRk3PxA00"));
    assertThat(session.user())
        .contains(
            new CrowdUser("jurgen", "Jurgen", "Weber", "Jurgen Weber", "jurgen@example.net", true));
    assertThat(session.createdDate()).isEmpty();
    assertThat(session.expiryDate()).isEmpty();
  }

  /**
   * NatLibFi/passport-atlassian-crowd-js,
   * test-fixtures/strategies/bearer-credentials/1/createSessionResponse.json: dates in epoch
   * milliseconds and a minimal user of name and link only.
   */
  @Test
  void laterCrowdSessionWithDatesAndMinimalUser() {
    crowd.answer(201, fixture("session-epoch-dates-minimal-user.json"));

    CrowdSession session =
        client
            .createSession(SessionRequest.withoutPassword("mira", ValidationFactors.none()))
            .orElseThrow();

    assertThat(session.username()).contains("mira");
    assertThat(session.user().orElseThrow().displayName()).isEmpty();
    assertThat(session.createdDate()).contains(Instant.ofEpochMilli(1764670000000L));
    assertThat(session.expiryDate()).contains(Instant.ofEpochMilli(1764673600123L));
  }

  /** Atlassian's Crowd 6.0.1 REST reference example: camelCase and null for each unset field. */
  @Test
  void documentedCamelCaseSessionWithNullFields() {
    crowd.answer(201, fixture("session-camel-case-null-fields.json"));

    CrowdSession session =
        client
            .createSession(SessionRequest.withoutPassword("sam", ValidationFactors.none()))
            .orElseThrow();

    assertThat(session.user()).contains(new CrowdUser("sam", "", "", "", "", true));
    assertThat(session.createdDate()).contains(Instant.ofEpochMilli(1764000000000L));
    assertThat(session.expiryDate()).contains(Instant.ofEpochMilli(1764003600000L));
  }

  /** tcarlander/django-crowd-sso, hello_crowd/tests/test_login.py: GET of an unknown token, 400. */
  @Test
  void unknownTokenOnGetIsA400InvalidSsoToken() {
    crowd.answer(400, fixture("error-invalid-sso-token.json"));

    CrowdResult<CrowdSession> result =
        client.getSession(new SsoToken("Zm9vYmFyYmF6cXV4MDEyMw00"), true);

    assertThat(result.reasonOrNull()).isEqualTo(ErrorReason.INVALID_SSO_TOKEN);
  }

  /** The same test file's user entity: key, attributes and password link besides the names. */
  @Test
  void userWithKeyAndAttributes() {
    crowd.answer(200, fixture("user-with-key-and-attributes.json"));

    assertThat(client.getUser("ops").orElseThrow())
        .isEqualTo(new CrowdUser("ops", "Ops", "Oncall", "Ops Oncall", "ops@example.net", true));
  }

  /** The same test file's cookie configuration: a domain with a leading dot, not secure. */
  @Test
  void cookieConfigurationWithLeadingDotDomain() {
    crowd.answer(200, fixture("cookie-config-leading-dot.json"));

    assertThat(client.getCookieConfiguration())
        .isEqualTo(new CookieConfiguration(Optional.of(".example.net"), false, "crowd.token_key"));
  }

  private static String fixture(String name) {
    try (InputStream in =
        RecordedCrowdAnswersTest.class.getResourceAsStream("/crowd-wire/" + name)) {
      if (in == null) {
        throw new IllegalStateException("fixture " + name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
