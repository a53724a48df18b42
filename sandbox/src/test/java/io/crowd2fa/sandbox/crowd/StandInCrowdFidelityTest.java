package io.crowd2fa.sandbox.crowd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crowd2fa.crowd.CrowdClient;
import io.crowd2fa.crowd.CrowdClientConfig;
import io.crowd2fa.crowd.Password;
import io.crowd2fa.crowd.SessionRequest;
import io.crowd2fa.crowd.ValidationFactors;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where real Crowd's answers differ from a tidy REST API, the stand-in answers as Crowd does. The
 * status codes follow Crowd's own REST resource ({@code TokenResource} of the crowd-rest-plugin in
 * the Jira 5.1.1 source distribution, public repository filipenkov/SampleTracking, {@code
 * JiraPlugins/atlassian-jira-5.1.1-source/crowd-rest-plugin/}): {@code POST /session/{token}} maps
 * a token not found or expired to 404, while {@code GET /session/{token}} leaves the {@code
 * InvalidTokenException} to {@code InvalidTokenExceptionMapper}, 400; the version header is set by
 * {@code RestServiceVersionFilter} in front of the application authentication; group lists are
 * paged with {@code start-index} / {@code max-results} (default 1000).
 */
class StandInCrowdFidelityTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int GROUPS = 2345;

  private static CrowdStandIn crowd;
  private static HttpClient http;

  @BeforeAll
  static void startCrowd() {
    crowd =
        CrowdStandIn.builder()
            .port(0)
            .clock(new MutableClock(Instant.parse("2026-01-05T09:00:00Z")))
            .seed(withManyGroupsFor("alice"))
            .build()
            .start();
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  @AfterAll
  static void stopCrowd() {
    crowd.stop();
  }

  @Test
  void unknownTokenIs400OnGetAnd404OnPost() throws Exception {
    HttpResponse<String> get = call("jira:jira-secret", "GET", "session/no-such-token", null);
    HttpResponse<String> post =
        call("jira:jira-secret", "POST", "session/no-such-token", "{\"validationFactors\":[]}");

    assertThat(get.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(get.body()).get("reason").asText()).isEqualTo("INVALID_SSO_TOKEN");
    assertThat(post.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(post.body()).get("reason").asText()).isEqualTo("INVALID_SSO_TOKEN");
  }

  @Test
  void endingSessionsOfUnknownUserIs404UserNotFoundAndOfKnownUser204() throws Exception {
    HttpResponse<String> unknown =
        call("crowd2fa:crowd2fa-secret", "DELETE", "session?username=mallory", null);
    HttpResponse<String> known =
        call("crowd2fa:crowd2fa-secret", "DELETE", "session?username=bob", null);

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).get("reason").asText()).isEqualTo("USER_NOT_FOUND");
    assertThat(known.statusCode()).isEqualTo(204);
  }

  @Test
  void endingSessionsOfUnknownUserThroughTheClientIsNoFault() {
    CrowdClient service = client("crowd2fa", "crowd2fa-secret");
    var token =
        service
            .createSession(
                SessionRequest.withoutPassword(
                    "bob", ValidationFactors.fromRequest("192.0.2.9", null)))
            .orElseThrow()
            .token();

    service.invalidateSessionsOfUser("mallory", java.util.Optional.empty());

    assertThat(crowd.sessions().find(token.value())).isPresent();
  }

  @Test
  void everyAnswerCarriesTheCrowdVersionHeader() throws Exception {
    List<HttpResponse<String>> answers =
        List.of(
            call("jira:jira-secret", "GET", "config/cookie", null),
            call("jira:wrong", "GET", "config/cookie", null),
            call("jira:jira-secret", "GET", "user?username=mallory", null),
            call("jira:jira-secret", "GET", "no/such/resource", null),
            call("jira:jira-secret", "PUT", "authentication", null),
            call("jira:jira-secret", "GET", "session/no-such-token", null));

    assertThat(answers)
        .extracting(HttpResponse::statusCode)
        .containsExactly(200, 401, 404, 404, 405, 400);
    assertThat(answers)
        .allSatisfy(
            answer ->
                assertThat(answer.headers().firstValue(CrowdRestServlet.VERSION_HEADER))
                    .contains(CrowdRestServlet.VERSION));
  }

  @Test
  void groupListIsPagedAndCrowdsDefaultPageIs1000() throws Exception {
    JsonNode unpaged =
        JSON.readTree(
            call("jira:jira-secret", "GET", "user/group/nested?username=alice", null).body());
    JsonNode lastPage =
        JSON.readTree(
            call(
                    "jira:jira-secret",
                    "GET",
                    "user/group/nested?username=alice&start-index=2000&max-results=1000",
                    null)
                .body());

    assertThat(unpaged.get("groups")).hasSize(1000);
    assertThat(lastPage.get("groups")).hasSize(GROUPS + 2 - 2000);
  }

  @Test
  void clientReadsEveryGroupOfAUserInMoreGroupsThanAPage() {
    CrowdClient service = client("crowd2fa", "crowd2fa-secret");

    List<String> nested = service.getNestedGroupNames("alice").orElseThrow();
    List<String> direct = service.getDirectGroupNames("alice").orElseThrow();

    assertThat(nested)
        .hasSize(GROUPS + 2)
        .doesNotHaveDuplicates()
        .contains("bulk-0000", "bulk-2344", "jira-software-users", "confluence-users");
    assertThat(direct).hasSize(GROUPS + 2);
  }

  /** The demo seed, with {@code user} also a direct member of {@value #GROUPS} more groups. */
  private static CrowdSeed withManyGroupsFor(String user) {
    CrowdSeed demo = CrowdSeed.demo();
    List<CrowdSeed.Directory> directories = new ArrayList<>();
    for (CrowdSeed.Directory directory : demo.directories()) {
      List<CrowdSeed.Group> groups = new ArrayList<>(directory.groups());
      IntStream.range(0, GROUPS)
          .mapToObj(
              i -> new CrowdSeed.Group(String.format("bulk-%04d", i), List.of(user), List.of()))
          .forEach(groups::add);
      directories.add(new CrowdSeed.Directory(directory.name(), directory.users(), groups));
    }
    return new CrowdSeed(demo.documentation(), demo.cookie(), directories, demo.applications());
  }

  private static CrowdClient client(String application, String password) {
    return CrowdClient.create(
        CrowdClientConfig.of(crowd.baseUrl(), application, new Password(password)));
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
}
