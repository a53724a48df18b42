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
 * The client reads what real Crowd servers answered, as other projects' test suites recorded it.
 * The fixtures and their sources are in {@code src/test/resources/crowd-wire/README.md}.
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
   * Crowd 2.x: robdimarco/omniauth_crowd, spec/fixtures/session.xml (JSON form of the entity); a
   * session without created-date / expiry-date.
   */
  @Test
  void crowd2SessionWithoutDatesIsReadWithItsUser() {
    crowd.answer(200, fixture("crowd2-session-without-dates.json"));

    CrowdSession session =
        client
            .validateSession(new SsoToken("rtk8eMvqq00EiGn5iJCMZQ00"), ValidationFactors.none())
            .orElseThrow();

    assertThat(session.token()).isEqualTo(new SsoToken("rtk8eMvqq00EiGn5iJCMZQ00"));
    assertThat(session.user())
        .contains(new CrowdUser("foo", "Foo", "Foobaz", "Foo Foobaz", "foo@example.org", true));
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
    crowd.answer(201, fixture("natlibfi-create-session.json"));

    CrowdSession session =
        client
            .createSession(SessionRequest.withoutPassword("foobar", ValidationFactors.none()))
            .orElseThrow();

    assertThat(session.username()).contains("foobar");
    assertThat(session.user().orElseThrow().displayName()).isEmpty();
    assertThat(session.createdDate()).contains(Instant.ofEpochMilli(1553588435000L));
    assertThat(session.expiryDate()).contains(Instant.ofEpochMilli(1553631364322L));
  }

  /** Atlassian's Crowd 6.0.1 REST reference example: camelCase and null for each unset field. */
  @Test
  void documentedCamelCaseSessionWithNullFields() {
    crowd.answer(201, fixture("crowd-docs-v601-session.json"));

    CrowdSession session =
        client
            .createSession(SessionRequest.withoutPassword("sampleuser", ValidationFactors.none()))
            .orElseThrow();

    assertThat(session.user()).contains(new CrowdUser("sampleuser", "", "", "", "", true));
    assertThat(session.createdDate()).contains(Instant.ofEpochMilli(1464453000000L));
    assertThat(session.expiryDate()).contains(Instant.ofEpochMilli(1464456600000L));
  }

  /** tcarlander/django-crowd-sso, hello_crowd/tests/test_login.py: GET of an unknown token, 400. */
  @Test
  void unknownTokenOnGetIsA400InvalidSsoToken() {
    crowd.answer(400, fixture("django-crowd-sso-invalid-token.json"));

    CrowdResult<CrowdSession> result =
        client.getSession(new SsoToken("WXnUorKLQk3YIeThJRE7ig00"), true);

    assertThat(result.reasonOrNull()).isEqualTo(ErrorReason.INVALID_SSO_TOKEN);
  }

  /** The same test file's user entity: key, attributes and password link besides the names. */
  @Test
  void userWithKeyAndAttributes() {
    crowd.answer(200, fixture("django-crowd-sso-user.json"));

    assertThat(client.getUser("admin").orElseThrow())
        .isEqualTo(
            new CrowdUser(
                "admin",
                "Admin",
                "Administrator",
                "Admin Administrator",
                "admin@example.org",
                true));
  }

  /** The same test file's cookie configuration: a domain with a leading dot, not secure. */
  @Test
  void cookieConfigurationWithLeadingDotDomain() {
    crowd.answer(200, fixture("django-crowd-sso-cookie.json"));

    assertThat(client.getCookieConfiguration())
        .isEqualTo(
            new CookieConfiguration(Optional.of(".atlassian.com"), false, "crowd.token_key"));
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
