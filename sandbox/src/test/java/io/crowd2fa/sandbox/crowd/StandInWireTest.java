package io.crowd2fa.sandbox.crowd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the stand-in's wire format field by field against Atlassian's documented examples, with raw
 * HTTP (no Crowd2FA client), so a client written against real Crowd works against it unchanged.
 */
class StandInWireTest {

  private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  private static CrowdStandIn crowd;
  private static HttpClient http;

  @BeforeAll
  static void startCrowd() {
    crowd = CrowdStandIn.builder().port(0).clock(new MutableClock(START)).build().start();
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  @AfterAll
  static void stopCrowd() {
    crowd.stop();
  }

  private static HttpResponse<String> call(String method, String pathAndQuery, String json)
      throws IOException, InterruptedException {
    return call("jira:jira-secret", method, pathAndQuery, json);
  }

  private static HttpResponse<String> call(
      String credentials, String method, String pathAndQuery, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(crowd.restBaseUrl() + pathAndQuery))
            .timeout(Duration.ofSeconds(20))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
            .header("Accept", "application/json");
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode body(HttpResponse<String> response) throws IOException {
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    return JSON.readTree(response.body());
  }

  private static String guideSessionBody(String user, String password, String address) {
    // Atlassian's JSON guide, verbatim apart from the values.
    return "{\"username\":\""
        + user
        + "\",\"password\":\""
        + password
        + "\",\"validation-factors\":{\"validationFactors\":[{\"name\":\"remote_address\","
        + "\"value\":\""
        + address
        + "\"}]}}";
  }

  private static String freshAddress() {
    return "198.51.100." + ADDRESSES.incrementAndGet();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void createSessionWithGuideBodyThen201LocationAndSessionEntity() throws Exception {
    HttpResponse<String> response =
        call("POST", "session", guideSessionBody("alice", "alice123", freshAddress()));

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode session = body(response);
    assertThat(fieldNames(session))
        .containsExactly("expand", "link", "token", "user", "created-date", "expiry-date");
    String token = session.get("token").asText();
    assertThat(response.headers().firstValue("Location"))
        .contains(crowd.restBaseUrl() + "session/" + token);
    assertThat(session.get("expand").asText()).isEqualTo("user");
    assertThat(session.get("link").get("rel").asText()).isEqualTo("self");
    assertThat(session.get("user").get("name").asText()).isEqualTo("alice");
    assertThat(session.get("created-date").isIntegralNumber()).isTrue();
    assertThat(session.get("created-date").asLong()).isEqualTo(START.toEpochMilli());
    assertThat(session.get("expiry-date").asLong())
        .isEqualTo(START.plus(CrowdStandIn.DEFAULT_SESSION_LENGTH).toEpochMilli());
  }

  @Test
  void validateWithValidationFactorsBodyThen200AndExpandUserGivesFullUser() throws Exception {
    String address = freshAddress();
    String token =
        body(call("POST", "session", guideSessionBody("bob", "bob123", address)))
            .get("token")
            .asText();

    HttpResponse<String> response =
        call(
            "POST",
            "session/" + token + "?expand=user",
            "{\"validationFactors\":[{\"name\":\"remote_address\",\"value\":\""
                + address
                + "\"}]}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode user = body(response).get("user");
    assertThat(fieldNames(user))
        .contains("name", "first-name", "last-name", "display-name", "email", "active");
    assertThat(user.get("display-name").asText()).isEqualTo("Bob Brown");
    assertThat(user.get("active").isBoolean()).isTrue();
  }

  @Test
  void validateAcceptsOpenApiFactorShapeLeniently() throws Exception {
    String address = freshAddress();
    String token =
        body(call("POST", "session", guideSessionBody("bob", "bob123", address)))
            .get("token")
            .asText();

    HttpResponse<String> response =
        call(
            "POST",
            "session/" + token,
            "{\"validation-factor\":[{\"name\":\"remote_address\",\"value\":\""
                + address
                + "\"}]}");

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void deleteSessionThen204WithoutBodyAndValidateThen404InvalidSsoToken() throws Exception {
    String token =
        body(call("POST", "session", guideSessionBody("alice", "alice123", freshAddress())))
            .get("token")
            .asText();

    HttpResponse<String> deleted = call("DELETE", "session/" + token, null);
    HttpResponse<String> validated = call("POST", "session/" + token, "{\"validationFactors\":[]}");

    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertThat(validated.statusCode()).isEqualTo(404);
    JsonNode error = body(validated);
    assertThat(fieldNames(error)).containsExactly("reason", "message");
    assertThat(error.get("reason").asText()).isEqualTo("INVALID_SSO_TOKEN");
    assertThat(error.get("message").asText()).doesNotContain(token);
  }

  @Test
  void authenticationWithGuideValueBodyThenUserEntityWithDashedNames() throws Exception {
    HttpResponse<String> response =
        call("POST", "authentication?username=alice", "{\"value\": \"alice123\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode user = body(response);
    assertThat(user.get("name").asText()).isEqualTo("alice");
    assertThat(user.get("first-name").asText()).isEqualTo("Alice");
    assertThat(user.get("last-name").asText()).isEqualTo("Anderson");
    assertThat(user.get("display-name").asText()).isEqualTo("Alice Anderson");
    assertThat(user.get("email").asText()).isEqualTo("alice@example.com");
    assertThat(user.get("active").asBoolean()).isTrue();
    assertThat(user.has("password-bcrypt")).isFalse();
    assertThat(user.get("password").has("value")).isFalse();
  }

  @Test
  void authenticationWhenWrongPasswordThen400InvalidUserAuthentication() throws Exception {
    HttpResponse<String> response =
        call("POST", "authentication?username=alice", "{\"value\":\"wrong\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(body(response).get("reason").asText()).isEqualTo("INVALID_USER_AUTHENTICATION");
  }

  @Test
  void nestedGroupsThenGroupsArrayOfNamedEntities() throws Exception {
    JsonNode groups = body(call("GET", "user/group/nested?username=admin", null));

    assertThat(groups.get("groups").isArray()).isTrue();
    List<String> names = new java.util.ArrayList<>();
    groups.get("groups").forEach(group -> names.add(group.get("name").asText()));
    assertThat(names)
        .containsExactly("confluence-users", "crowd-administrators", "jira-software-users");
  }

  @Test
  void groupListHonoursStartIndexAndMaxResults() throws Exception {
    JsonNode groups =
        body(call("GET", "user/group/nested?username=admin&start-index=1&max-results=1", null));

    assertThat(groups.get("groups")).hasSize(1);
    assertThat(groups.get("groups").get(0).get("name").asText()).isEqualTo("crowd-administrators");
  }

  @Test
  void groupListWhenPagingParameterMalformedThen400IllegalArgument() throws Exception {
    HttpResponse<String> response =
        call("GET", "user/group/direct?username=admin&max-results=many", null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(body(response).get("reason").asText()).isEqualTo("ILLEGAL_ARGUMENT");
  }

  @Test
  void membershipCheckThen200ForMemberAnd404MembershipNotFound() throws Exception {
    assertThat(
            call("GET", "group/user/nested?groupname=jira-software-users&username=admin", null)
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> direct =
        call("GET", "group/user/direct?groupname=jira-software-users&username=admin", null);
    assertThat(direct.statusCode()).isEqualTo(404);
    assertThat(body(direct).get("reason").asText()).isEqualTo("MEMBERSHIP_NOT_FOUND");
  }

  @Test
  void cookieConfigurationThenNameAndSecureWithoutDomain() throws Exception {
    JsonNode cookie = body(call("GET", "config/cookie", null));

    assertThat(fieldNames(cookie)).containsExactly("secure", "name");
    assertThat(cookie.get("name").asText()).isEqualTo("crowd.token_key");
    assertThat(cookie.get("secure").asBoolean()).isFalse();
  }

  @Test
  void unknownUserThen404UserNotFound() throws Exception {
    HttpResponse<String> response = call("GET", "user?username=mallory", null);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(body(response).get("reason").asText()).isEqualTo("USER_NOT_FOUND");
  }

  @Test
  void latestIsAnAliasOfVersion1() throws Exception {
    URI latest = URI.create(crowd.baseUrl() + "/rest/usermanagement/latest/config/cookie");
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(latest)
                .header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString("jira:jira-secret".getBytes()))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void postWithoutJsonContentTypeThen415() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(crowd.restBaseUrl() + "authentication?username=alice"))
                .header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString("jira:jira-secret".getBytes()))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("alice123"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(415);
  }

  @Test
  void missingOrWrongApplicationCredentialsThen401WithBasicChallenge() throws Exception {
    HttpResponse<String> wrong = call("jira:wrong", "GET", "config/cookie", null);
    HttpResponse<String> none =
        http.send(
            HttpRequest.newBuilder(URI.create(crowd.restBaseUrl() + "config/cookie")).build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> userNotApp = call("alice:alice123", "GET", "config/cookie", null);

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(challenge -> assertThat(challenge).startsWithIgnoringCase("basic"));
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(userNotApp.statusCode()).isEqualTo(401);
  }
}
