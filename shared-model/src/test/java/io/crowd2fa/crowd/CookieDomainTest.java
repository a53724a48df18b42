package io.crowd2fa.crowd;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CookieDomainTest {

  private static final URI SERVICE =
      URI.create("https://crowd.sandbox.test:8443/crowd/plugins/servlet/2fa");
  private static final URI JIRA = URI.create("https://jira.sandbox.test/jira");

  @Test
  void parentDomainWithOrWithoutLeadingDotCoversItsSubdomains() {
    assertThat(CookieDomain.problems(Optional.of(".sandbox.test"), SERVICE, List.of(JIRA)))
        .isEmpty();
    assertThat(CookieDomain.problems(Optional.of("SANDBOX.test"), SERVICE, List.of(JIRA)))
        .isEmpty();
  }

  @Test
  void otherDomainOrMereSuffixDoesNotCover() {
    assertThat(CookieDomain.problems(Optional.of(".example.com"), SERVICE, List.of(JIRA)))
        .hasSize(2);
    assertThat(CookieDomain.problems(Optional.of("box.test"), SERVICE, List.of(JIRA))).hasSize(2);
  }

  @Test
  void hostOnlyCookiesReachOnlyTheServiceHost() {
    URI sameHost = URI.create("http://localhost:8080/jira");
    URI service = URI.create("http://localhost:8095/crowd/plugins/servlet/2fa");

    assertThat(CookieDomain.problems(Optional.empty(), service, List.of(sameHost))).isEmpty();
    assertThat(CookieDomain.problems(Optional.of("localhost"), service, List.of(sameHost)))
        .isEmpty();
    assertThat(CookieDomain.problems(Optional.empty(), SERVICE, List.of(JIRA)))
        .singleElement()
        .asString()
        .contains("host-only")
        .contains(JIRA.toString());
  }

  @Test
  void ipAddressIsNeverCoveredByADomain() {
    assertThat(
            CookieDomain.problems(Optional.of("0.1"), URI.create("http://127.0.0.1/x"), List.of()))
        .hasSize(1);
  }

  @Test
  void servletCookieDomainDropsTheLeadingDotAndLocalhost() {
    assertThat(CookieDomain.forServletCookie(Optional.of(".sandbox.test")))
        .contains("sandbox.test");
    assertThat(CookieDomain.forServletCookie(Optional.of("sandbox.test"))).contains("sandbox.test");
    assertThat(CookieDomain.forServletCookie(Optional.of("localhost"))).isEmpty();
    assertThat(CookieDomain.forServletCookie(Optional.of(" . "))).isEmpty();
    assertThat(CookieDomain.forServletCookie(Optional.empty())).isEmpty();
  }
}
