package io.crowd2fa.plugin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DestinationPolicyTest {

  private final DestinationPolicy policy =
      new DestinationPolicy(
          List.of(
              URI.create("https://jira.example.com"),
              URI.create("https://intranet.example.com/wiki/"),
              URI.create("http://localhost:8080/jira")));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://jira.example.com",
        "https://jira.example.com/",
        "https://jira.example.com/secure/Dashboard.jspa?selectPageId=1#x",
        "https://JIRA.example.com/browse/A-1",
        "https://jira.example.com:443/browse/A-1",
        "https://intranet.example.com/wiki",
        "https://intranet.example.com/wiki/display/SPACE/Page",
        "http://localhost:8080/jira/secure/admin",
        "https://jira.example.com/a/../b"
      })
  void destinationsUnderAProductBaseUrlAreAllowed(String destination) {
    assertThat(policy.allowed(destination)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://evil.example",
        "//evil.example",
        "///evil.example",
        "\\\\evil.example",
        "/\\evil.example",
        "https:evil.example",
        "https:/evil.example",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "https%3A%2F%2Fevil.example",
        "https%253A%252F%252Fevil.example",
        "https://jira.example.com@evil.example/",
        "https://jira.example.com%40evil.example/",
        "https://user:pw@jira.example.com/",
        "https://jira.example.com.evil.example/",
        "https://jira.example.com:8443/",
        "http://jira.example.com/",
        "https://evil.example/https://jira.example.com/",
        "https://intranet.example.com/wiki-evil/",
        "https://intranet.example.com/wiki/../admin",
        "https://intranet.example.com/wiki/%2e%2e/admin",
        "https://intranet.example.com/wiki/..%2fadmin",
        "https://jira.example.com\\@evil.example",
        "https://jira.example.com\t.evil.example",
        "https://jira.example.com\n/",
        " https://jira.example.com/",
        "https://jіra.example.com/",
        "/secure/Dashboard.jspa",
        "",
        "ftp://jira.example.com/"
      })
  void everythingElseIsRefused(String destination) {
    assertThat(policy.allowed(destination)).isEmpty();
  }

  @Test
  void overLongDestinationIsRefused() {
    assertThat(
            policy.allowed("https://jira.example.com/" + "a".repeat(DestinationPolicy.MAX_LENGTH)))
        .isEmpty();
  }

  @Test
  void allowedDestinationIsReturnedNormalised() {
    assertThat(policy.allowed("https://jira.example.com/a/./b/../c"))
        .contains(URI.create("https://jira.example.com/a/c"));
  }
}
