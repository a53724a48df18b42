package io.crowd2fa.crowd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Group names are read page by page with {@code start-index} / {@code max-results}; a server that
 * ignores the paging is a fault, not an endless loop; an answer that is not Crowd's says so.
 */
class CrowdPagingWireTest {

  private static final int GROUPS = 2345;

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

  @Test
  void nestedGroupsOfMoreThanOnePageAreAllRead() {
    crowd.answerBy(request -> groupsPage(request, GROUPS));

    List<String> names = client.getNestedGroupNames("alice").orElseThrow();

    assertThat(names).hasSize(GROUPS).doesNotHaveDuplicates().contains("group-0000", "group-2344");
    assertThat(crowd.requests())
        .extracting(FakeCrowd.Recorded::query)
        .containsExactly(
            "username=alice&start-index=0&max-results=1000",
            "username=alice&start-index=1000&max-results=1000",
            "username=alice&start-index=2000&max-results=1000");
  }

  @Test
  void exactlyOneFullPageAsksOnceMoreAndStopsAtTheEmptyPage() {
    crowd.answerBy(request -> groupsPage(request, 1000));

    assertThat(client.getDirectGroupNames("alice").orElseThrow()).hasSize(1000);
    assertThat(crowd.requests()).hasSize(2);
    assertThat(crowd.lastRequest().path())
        .isEqualTo("/crowd/rest/usermanagement/1/user/group/direct");
  }

  @Test
  void serverIgnoringStartIndexIsAProtocolFault() {
    crowd.answerBy(request -> groups(IntStream.range(0, 1000)));

    assertThatThrownBy(() -> client.getNestedGroupNames("alice"))
        .isInstanceOf(CrowdProtocolException.class)
        .hasMessageContaining("does not page");
    assertThat(crowd.requests()).hasSize(2);
  }

  @Test
  void unknownUserOnTheFirstPageIsTheRejection() {
    crowd.answer(
        404, "{\"reason\":\"USER_NOT_FOUND\",\"message\":\"User <mallory> does not exist\"}");

    assertThat(client.getNestedGroupNames("mallory").reasonOrNull())
        .isEqualTo(ErrorReason.USER_NOT_FOUND);
  }

  @Test
  void endingSessionsOfUnknownUserIsNoFault() {
    crowd.answer(
        404, "{\"reason\":\"USER_NOT_FOUND\",\"message\":\"User <mallory> does not exist\"}");

    client.invalidateSessionsOfUser("mallory", java.util.Optional.empty());

    assertThat(crowd.lastRequest().query()).isEqualTo("username=mallory");
  }

  @Test
  void endingSessionsRefusedForAnotherReasonStillFails() {
    crowd.answer(403, "{\"reason\":\"APPLICATION_ACCESS_DENIED\",\"message\":\"not allowed to\"}");

    assertThatThrownBy(() -> client.invalidateSessionsOfUser("alice", java.util.Optional.empty()))
        .isInstanceOf(CrowdRejectedException.class);
  }

  @Test
  void errorWithoutCrowdVersionHeaderNamesTheLikelyWrongUrl() {
    crowd.answer(404, "text/html", "<html>Not Found</html>");

    assertThatThrownBy(() -> client.getUser("alice"))
        .isInstanceOf(CrowdProtocolException.class)
        .hasMessageContaining("X-Embedded-Crowd-Version")
        .hasMessageContaining("check crowd.base.url");
  }

  @Test
  void errorWithCrowdVersionHeaderButNoEntityDoesNotBlameTheUrl() {
    crowd.answer(
        new FakeCrowd.Answer(
            500,
            "text/html",
            "<html>boom</html>",
            Map.of("X-Embedded-Crowd-Version", "Crowd/6.1")));

    assertThatThrownBy(() -> client.getUser("alice"))
        .isInstanceOf(CrowdProtocolException.class)
        .hasMessageNotContaining("crowd.base.url");
  }

  /** The page of {@code total} groups that the request's start-index and max-results ask for. */
  private static FakeCrowd.Answer groupsPage(FakeCrowd.Recorded request, int total) {
    Map<String, String> query =
        Arrays.stream(request.query().split("&"))
            .map(pair -> pair.split("=", 2))
            .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
    int start = Integer.parseInt(query.get("start-index"));
    int max = Integer.parseInt(query.get("max-results"));
    return groups(IntStream.range(start, Math.min(total, start + max)));
  }

  private static FakeCrowd.Answer groups(IntStream indexes) {
    String groups =
        indexes
            .mapToObj(i -> String.format("{\"name\":\"group-%04d\"}", i))
            .collect(Collectors.joining(","));
    return new FakeCrowd.Answer(
        200, "application/json", "{\"expand\":\"group\",\"groups\":[" + groups + "]}");
  }
}
