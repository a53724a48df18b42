package io.crowd2fa.seraph.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crowd2fa.seraph.testing.FakeFetcher;
import io.crowd2fa.seraph.testing.MutableClock;
import io.crowd2fa.seraph.testing.TestSettings;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FreshnessAndPolicyTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
  private final FakeFetcher service = new FakeFetcher();

  private ProductPolicySource source(FreshnessRule local) {
    return new ProductPolicySource(
        URI.create(TestSettings.SERVICE),
        "jira",
        local,
        service,
        clock,
        Duration.ofMinutes(5),
        Duration.ofHours(1));
  }

  @Test
  void policyWhenParsedThenProductAndPathLimitsApply() {
    FreshnessRule rule = ProductPolicy.parse(TestSettings.policy()).freshness();

    assertThat(rule.maxAgeSeconds("/secure/Dashboard.jspa", null)).isEqualTo(28800);
    assertThat(rule.maxAgeSeconds("/secure/admin", "/ViewUsers.jspa")).isEqualTo(900);
    assertThat(rule.maxAgeSeconds("/SECURE/Admin/x", null)).isEqualTo(900);
    assertThat(rule.strictestSeconds()).isEqualTo(900);
  }

  @Test
  void policyWhenMaxAgeNullThenNoProductLimit() {
    FreshnessRule rule =
        ProductPolicy.parse(
                "{\"application\":\"jira\",\"maxAgeSeconds\":null,\"paths\":[],\"version\":1}")
            .freshness();

    assertThat(rule.maxAgeSeconds("/anything", null)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void policyWhenOffContractThenFault() {
    assertThatThrownBy(() -> ProductPolicy.parse("{\"maxAgeSeconds\":10}"))
        .isInstanceOf(SeraphAuthenticatorException.class);
    assertThatThrownBy(
            () ->
                ProductPolicy.parse(
                    "{\"application\":\"jira\",\"paths\":[{\"pattern\":\"x\",\"maxAgeSeconds\":1}]}"))
        .isInstanceOf(SeraphAuthenticatorException.class);
    assertThatThrownBy(() -> ProductPolicy.parse("{\"application\":\"jira\",\"maxAgeSeconds\":-5}"))
        .isInstanceOf(SeraphAuthenticatorException.class);
  }

  @Test
  void localRuleWhenLaxerThanCentralThenCentralStillWins() {
    service.serve(TestSettings.POLICY_QUERY, TestSettings.policy());
    FreshnessRule laxer =
        new FreshnessRule(
            Optional.of(Duration.ofDays(30)),
            List.of(new PathRule(new PathPattern("/secure/admin/*"), Duration.ofDays(1))));

    FreshnessRule effective = source(laxer).current().orElseThrow();

    assertThat(effective.maxAgeSeconds("/secure/Dashboard.jspa", null)).isEqualTo(28800);
    assertThat(effective.maxAgeSeconds("/secure/admin/x", null)).isEqualTo(900);
  }

  @Test
  void localRuleWhenStricterThenItTightens() {
    service.serve(TestSettings.POLICY_QUERY, TestSettings.policy());
    FreshnessRule stricter =
        new FreshnessRule(
            Optional.of(Duration.ofHours(1)),
            List.of(new PathRule(new PathPattern("/plugins/servlet/*"), Duration.ofMinutes(5))));

    FreshnessRule effective = source(stricter).current().orElseThrow();

    assertThat(effective.maxAgeSeconds("/secure/Dashboard.jspa", null)).isEqualTo(3600);
    assertThat(effective.maxAgeSeconds("/plugins/servlet/x", null)).isEqualTo(300);
    assertThat(effective.maxAgeSeconds("/secure/admin/x", null)).isEqualTo(900);
  }

  @Test
  void currentWhenFetchedThenCachedForTtl() {
    service.serve(TestSettings.POLICY_QUERY, TestSettings.policy());
    ProductPolicySource policy = source(FreshnessRule.NONE);

    policy.current();
    clock.advance(Duration.ofMinutes(4));
    policy.current();
    assertThat(service.count("/product-policy")).isEqualTo(1);

    clock.advance(Duration.ofMinutes(1));
    policy.current();
    assertThat(service.count("/product-policy")).isEqualTo(2);
  }

  @Test
  void currentWhenServiceDownThenStalePolicyOnlyUntilMaxStaleThenNone() {
    service.serve(TestSettings.POLICY_QUERY, TestSettings.policy());
    ProductPolicySource policy = source(FreshnessRule.NONE);
    policy.current();
    service.down = true;

    clock.advance(Duration.ofMinutes(30));
    assertThat(policy.current()).isPresent();

    clock.advance(Duration.ofMinutes(40));
    assertThat(policy.current()).isEmpty();
    assertThat(policy.cached()).isNull();
  }

  @Test
  void currentWhenPolicyIsForAnotherApplicationThenNotUsed() {
    service.serve(
        TestSettings.POLICY_QUERY,
        "{\"application\":\"confluence\",\"maxAgeSeconds\":null,\"paths\":[],\"version\":1}");

    assertThat(source(FreshnessRule.NONE).current()).isEmpty();
  }

  @Test
  void pathPatternWhenStarThenMatchesAcrossSegmentsAndExactOtherwise() {
    PathPattern admin = new PathPattern("/secure/admin/*");

    assertThat(admin.matches("/secure/admin/", null)).isTrue();
    assertThat(admin.matches("/secure/admin/a/b", null)).isTrue();
    assertThat(admin.matches("/secure/", "admin/x")).isTrue();
    assertThat(admin.matches("/secure/administrator", null)).isFalse();
    assertThat(new PathPattern("*.jspa".replace("*", "/*")).matches("/x/y.jspa", null)).isTrue();
    assertThat(new PathPattern("/exact").matches("/exact", null)).isTrue();
    assertThat(new PathPattern("/exact").matches("/exact/", null)).isFalse();
  }
}
