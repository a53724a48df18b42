package io.crowd2fa.crowd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pins what the client sends (Atlassian's JSON guide, byte for byte) and how leniently it reads
 * what Crowd answers, against a scripted server.
 */
class CrowdClientWireTest {

  private static final String SESSION_JSON =
      """
      {"expand":"user","link":{"href":"x","rel":"self"},"token":"tok-123",
       "user":{"link":{"href":"y","rel":"self"},"name":"alice"},
       "created-date":1700000000000,"expiry-date":1700001800000}
      """;

  private FakeCrowd crowd;
  private CrowdClient client;

  @BeforeEach
  void start() throws Exception {
    crowd = new FakeCrowd();
    client = crowd.client("crowd2fa", "app-secret");
  }

  @AfterEach
  void stop() {
    crowd.close();
  }

  @Test
  void createSessionSendsGuideBodyWithDashedValidationFactors() {
    crowd.answer(201, SESSION_JSON);

    client.createSession(
        SessionRequest.withPassword(
            "my_username",
            new Password("my_password"),
            ValidationFactors.fromRequest("127.0.0.1", null)));

    FakeCrowd.Recorded sent = crowd.lastRequest();
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.path()).isEqualTo("/crowd/rest/usermanagement/1/session");
    assertThat(sent.query()).isEqualTo("validate-password=true&expand=user");
    assertThat(sent.body())
        .isEqualTo(
            "{\"username\":\"my_username\",\"password\":\"my_password\","
                + "\"validation-factors\":{\"validationFactors\":"
                + "[{\"name\":\"remote_address\",\"value\":\"127.0.0.1\"}]}}");
    assertThat(sent.header("Content-Type")).isEqualTo("application/json");
    assertThat(sent.header("Accept")).isEqualTo("application/json");
  }

  @Test
  void createSessionWithoutPasswordSendsValidatePasswordFalseAndNoPasswordField() {
    crowd.answer(201, SESSION_JSON);

    client.createSession(
        SessionRequest.withoutPassword(
                "alice", ValidationFactors.fromRequest("10.0.0.1", "198.51.100.7"))
            .withDuration(Duration.ofMinutes(5)));

    FakeCrowd.Recorded sent = crowd.lastRequest();
    assertThat(sent.query()).isEqualTo("validate-password=false&expand=user&duration=300");
    assertThat(sent.body())
        .isEqualTo(
            "{\"username\":\"alice\",\"validation-factors\":{\"validationFactors\":["
                + "{\"name\":\"remote_address\",\"value\":\"10.0.0.1\"},"
                + "{\"name\":\"X-Forwarded-For\",\"value\":\"198.51.100.7\"}]}}");
  }

  @Test
  void everyCallAuthenticatesTheApplicationWithHttpBasic() {
    crowd.answer(200, "{\"name\":\"alice\",\"active\":true}");

    client.getUser("alice");

    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("crowd2fa:app-secret".getBytes(StandardCharsets.UTF_8));
    assertThat(crowd.lastRequest().header("Authorization")).isEqualTo(expected);
  }

  @Test
  void validateSessionPostsValidationFactorsToTokenPath() {
    crowd.answer(200, SESSION_JSON);

    CrowdResult<CrowdSession> result =
        client.validateSession(
            new SsoToken("tok-123"), ValidationFactors.fromRequest("127.0.0.1", null));

    FakeCrowd.Recorded sent = crowd.lastRequest();
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.path()).isEqualTo("/crowd/rest/usermanagement/1/session/tok-123");
    assertThat(sent.body())
        .isEqualTo(
            "{\"validationFactors\":[{\"name\":\"remote_address\",\"value\":\"127.0.0.1\"}]}");
    CrowdSession session = result.orElseThrow();
    assertThat(session.token().value()).isEqualTo("tok-123");
    assertThat(session.username()).contains("alice");
    assertThat(session.createdDate()).contains(Instant.ofEpochMilli(1700000000000L));
    assertThat(session.expiryDate()).contains(Instant.ofEpochMilli(1700001800000L));
  }

  @Test
  void authenticateSendsPasswordAsValueEntityAndUsernameAsQuery() {
    crowd.answer(
        200,
        "{\"name\":\"my user\",\"first-name\":\"My\",\"last-name\":\"User\","
            + "\"display-name\":\"My User\",\"email\":\"u@example.com\",\"active\":true}");

    CrowdUser user = client.authenticate("my user", new Password("my_password")).orElseThrow();

    FakeCrowd.Recorded sent = crowd.lastRequest();
    assertThat(sent.path()).isEqualTo("/crowd/rest/usermanagement/1/authentication");
    assertThat(sent.query()).isEqualTo("username=my+user");
    assertThat(sent.body()).isEqualTo("{\"value\":\"my_password\"}");
    assertThat(user)
        .isEqualTo(new CrowdUser("my user", "My", "User", "My User", "u@example.com", true));
  }

  @Test
  void getSessionWithExpandUserSendsExpandQuery() {
    crowd.answer(200, SESSION_JSON);

    client.getSession(new SsoToken("tok-123"), true);

    assertThat(crowd.lastRequest().method()).isEqualTo("GET");
    assertThat(crowd.lastRequest().query()).isEqualTo("expand=user");
  }

  @Test
  void invalidateSessionsOfUserSendsUsernameAndExclude() {
    crowd.answer(204, "application/json", "");

    client.invalidateSessionsOfUser("alice", Optional.of(new SsoToken("keep-me")));

    assertThat(crowd.lastRequest().method()).isEqualTo("DELETE");
    assertThat(crowd.lastRequest().path()).isEqualTo("/crowd/rest/usermanagement/1/session");
    assertThat(crowd.lastRequest().query()).isEqualTo("username=alice&exclude=keep-me");
  }

  @Test
  void invalidateSessionsOfUserWhenOldCrowdAnswers405ThenUnsupportedProtocolFault() {
    crowd.answer(405, "text/html", "<html>Method Not Allowed</html>");

    assertThatThrownBy(() -> client.invalidateSessionsOfUser("alice", Optional.empty()))
        .isInstanceOf(CrowdProtocolException.class)
        .hasMessageContaining("405");
  }

  @Test
  void readsCamelCaseUserAndIsoDatesLeniently() {
    crowd.answer(
        200,
        "{\"token\":\"t\",\"user\":{\"name\":\"bob\",\"firstName\":\"Bob\",\"lastName\":\"B\","
            + "\"displayName\":\"Bob B\",\"email\":\"b@example.com\",\"active\":false},"
            + "\"createdDate\":\"2024-01-01T00:00:00Z\",\"expiryDate\":\"1704069000000\"}");

    CrowdSession session = client.getSession(new SsoToken("t"), true).orElseThrow();

    assertThat(session.user())
        .contains(new CrowdUser("bob", "Bob", "B", "Bob B", "b@example.com", false));
    assertThat(session.createdDate()).contains(Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(session.expiryDate()).contains(Instant.ofEpochMilli(1704069000000L));
  }

  @Test
  void groupsAreReadFromGroupsArray() {
    crowd.answer(
        200,
        "{\"expand\":\"group\",\"groups\":[{\"link\":{},\"name\":\"jira-software-users\"},"
            + "{\"name\":\"confluence-users\"}]}");

    assertThat(client.getNestedGroupNames("alice").orElseThrow())
        .containsExactly("jira-software-users", "confluence-users");
    assertThat(crowd.lastRequest().path())
        .isEqualTo("/crowd/rest/usermanagement/1/user/group/nested");
  }

  @Test
  void cookieConfigurationWithoutDomainThenHostOnly() {
    crowd.answer(200, "{\"secure\":true,\"name\":\"crowd.token_key\"}");

    assertThat(client.getCookieConfiguration())
        .isEqualTo(new CookieConfiguration(Optional.empty(), true, "crowd.token_key"));
  }

  @Test
  void errorReasonDecidesOutcomeNotStatus() {
    crowd.answer(400, "{\"reason\":\"INVALID_SSO_TOKEN\",\"message\":\"Token does not exist\"}");

    CrowdResult<CrowdSession> result =
        client.validateSession(new SsoToken("x"), ValidationFactors.none());

    assertThat(result.reasonOrNull()).isEqualTo(ErrorReason.INVALID_SSO_TOKEN);
    assertThat(((CrowdResult.Rejected<CrowdSession>) result).error().message())
        .isEqualTo("Token does not exist");
  }

  @Test
  void whenStatus401ThenApplicationAuthenticationFaultWithoutPassword() {
    crowd.answer(401, "text/plain", "Application failed to authenticate");

    assertThatThrownBy(() -> client.getUser("alice"))
        .isInstanceOf(CrowdApplicationAuthenticationException.class)
        .hasMessageContaining("crowd2fa")
        .hasMessageNotContaining("app-secret");
  }

  @Test
  void whenBodyIsHtmlThenProtocolFault() {
    crowd.answer(200, "text/html", "<html>proxy error</html>");

    assertThatThrownBy(() -> client.getUser("alice"))
        .isInstanceOf(CrowdProtocolException.class)
        .satisfies(e -> assertThat(((CrowdProtocolException) e).status()).isEqualTo(200));
  }

  @Test
  void whenSessionEntityLacksTokenThenProtocolFault() {
    crowd.answer(200, "{\"user\":{\"name\":\"alice\"},\"created-date\":1,\"expiry-date\":2}");

    assertThatThrownBy(() -> client.getSession(new SsoToken("t"), false))
        .isInstanceOf(CrowdProtocolException.class)
        .hasMessageContaining("token");
  }

  @Test
  void whenErrorReasonUnknownThenProtocolFault() {
    crowd.answer(400, "{\"reason\":\"SOMETHING_NEW\",\"message\":\"?\"}");

    assertThatThrownBy(() -> client.getUser("alice"))
        .isInstanceOf(CrowdProtocolException.class)
        .hasMessageContaining("SOMETHING_NEW");
  }

  @Test
  void whenErrorReasonIsNotAStringThenProtocolFault() {
    crowd.answer(400, "{\"reason\":42,\"message\":\"?\"}");

    assertThatThrownBy(() -> client.getUser("alice"))
        .isInstanceOf(CrowdProtocolException.class)
        .hasMessageContaining("400");
  }

  @Test
  void whenServerErrorWithoutEntityThenProtocolFault() {
    crowd.answer(502, "text/html", "<html>Bad gateway</html>");

    assertThatThrownBy(() -> client.getUser("alice"))
        .isInstanceOf(CrowdProtocolException.class)
        .hasMessageContaining("502");
  }

  @Test
  void whenOperationFailedThenProtocolFault() {
    crowd.answer(500, "{\"reason\":\"OPERATION_FAILED\",\"message\":\"db down\"}");

    assertThatThrownBy(() -> client.getDirectGroupNames("alice"))
        .isInstanceOf(CrowdProtocolException.class)
        .hasMessageContaining("OPERATION_FAILED");
  }

  @Test
  void tokenNeverAppearsInFaultMessagesOrToString() {
    crowd.answer(200, "not json at all tok-secret-999");
    SsoToken token = new SsoToken("tok-secret-999");

    assertThatThrownBy(() -> client.validateSession(token, ValidationFactors.none()))
        .isInstanceOf(CrowdProtocolException.class)
        .hasMessageNotContaining("tok-secret-999")
        .hasMessageContaining("/session/{token}");
    assertThat(token.toString()).doesNotContain("tok-secret-999");
    CrowdSession session =
        new CrowdSession(
            token,
            Optional.empty(),
            Optional.of(Instant.EPOCH),
            Optional.of(Instant.EPOCH.plusSeconds(1)));
    assertThat(session.toString()).doesNotContain("tok-secret-999");
    assertThat(new Password("pw-secret").toString()).doesNotContain("pw-secret");
    assertThat(
            SessionRequest.withPassword("a", new Password("pw-secret"), ValidationFactors.none())
                .toString())
        .doesNotContain("pw-secret");
    assertThat(client.toString()).doesNotContain("app-secret");
  }

  @Test
  void orElseThrowOnRejectionCarriesReason() {
    crowd.answer(404, "{\"reason\":\"USER_NOT_FOUND\",\"message\":\"User <x> does not exist\"}");

    CrowdResult<CrowdUser> result = client.getUser("x");

    assertThatThrownBy(result::orElseThrow)
        .isInstanceOf(CrowdRejectedException.class)
        .satisfies(
            e ->
                assertThat(((CrowdRejectedException) e).reason())
                    .isEqualTo(ErrorReason.USER_NOT_FOUND));
    assertThat(result.map(CrowdUser::name).isOk()).isFalse();
    assertThat(List.of(result.reasonOrNull())).containsExactly(ErrorReason.USER_NOT_FOUND);
  }
}
