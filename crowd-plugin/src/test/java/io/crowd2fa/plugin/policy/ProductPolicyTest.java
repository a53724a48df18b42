package io.crowd2fa.plugin.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductPolicyTest {
  private final PolicyDocument policy = PolicyFixtures.samplePolicy();

  @Test
  void productPolicyJsonIsExactlyTheContractShape() {
    String json = ProductPolicy.of(policy, 7, "jira").toJson();

    assertThat(json)
        .isEqualTo(
            "{\"application\":\"jira\",\"maxAgeSeconds\":43200,"
                + "\"paths\":[{\"pattern\":\"/secure/admin/*\",\"maxAgeSeconds\":900}],"
                + "\"version\":7}");
  }

  @Test
  void applicationWithoutLimitHasNullMaxAgeAndNoPaths() {
    assertThat(ProductPolicy.of(policy, 2, "confluence").toJson())
        .isEqualTo(
            "{\"application\":\"confluence\",\"maxAgeSeconds\":null,\"paths\":[],\"version\":2}");
  }

  @Test
  void unknownApplicationHasNoLimitAndCanonicalName() {
    assertThat(ProductPolicy.of(policy, 2, "Bamboo").toJson())
        .isEqualTo(
            "{\"application\":\"bamboo\",\"maxAgeSeconds\":null,\"paths\":[],\"version\":2}");
  }

  @Test
  void pathLimitAppliesBelowItsPrefixOnly() {
    ApplicationFreshness jira = policy.freshnessFor("JIRA");

    assertThat(jira.maxAgeFor("/secure/admin/ViewApplicationProperties.jspa"))
        .contains(Duration.ofSeconds(900));
    assertThat(jira.maxAgeFor("/secure/admin/")).contains(Duration.ofSeconds(900));
    assertThat(jira.maxAgeFor("/secure/administrators.jsp")).contains(Duration.ofHours(12));
    assertThat(jira.maxAgeFor("/browse/PROJ-1")).contains(Duration.ofHours(12));
  }

  @Test
  void stricterLimitWinsWhenPathLimitIsLooserThanApplication() {
    ApplicationFreshness freshness =
        new ApplicationFreshness(
            "jira",
            Optional.of(Duration.ofMinutes(5)),
            java.util.List.of(new PathFreshness("/secure/*", Duration.ofHours(1))));

    assertThat(freshness.maxAgeFor("/secure/x")).contains(Duration.ofMinutes(5));
  }
}
