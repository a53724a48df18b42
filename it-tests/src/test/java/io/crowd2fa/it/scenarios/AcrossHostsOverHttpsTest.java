package io.crowd2fa.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.it.browser.HeadlessChromium;
import io.crowd2fa.it.pages.ChallengePage;
import io.crowd2fa.it.pages.LoginPage;
import io.crowd2fa.it.pages.ProductPage;
import io.crowd2fa.it.sandbox.AcrossHosts;
import io.crowd2fa.it.sandbox.SandboxExtension;
import io.crowd2fa.it.sandbox.SandboxPolicy;
import io.crowd2fa.it.sandbox.Urls;
import io.crowd2fa.sandbox.launcher.Product;
import io.crowd2fa.sandbox.launcher.Sandbox;
import io.crowd2fa.sandbox.launcher.SandboxTopology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Crowd, Jira and Confluence on three host names under {@code sandbox.test}, each on its own
 * loopback address, over HTTPS with the sandbox's test CA, the SSO cookie on {@code .sandbox.test}:
 * sign-in at one product reaches the other, step-up and single logout work across the hosts, and
 * the cookies carry the configured Domain, Secure and HttpOnly.
 *
 * <p>Chromium resolves the names by {@code --host-resolver-rules} and accepts the sandbox's server
 * certificate by its public-key pin ({@code --ignore-certificate-errors-spki-list}), not through
 * the CA: its certificate store is not this test's to change. The servers' own HTTPS calls to each
 * other do go through the CA.
 */
@ExtendWith(SandboxExtension.class)
@SandboxPolicy("/policies/it-policy.json")
@AcrossHosts
class AcrossHostsOverHttpsTest {

  @Test
  void ssoStepUpAndSingleLogoutAcrossHostsOverHttps(Sandbox sandbox) {
    SandboxTopology topology = sandbox.topology();
    assertThat(Urls.jiraAdmin(sandbox)).startsWith("https://jira.sandbox.test:");
    assertThat(topology.serviceBaseUrl()).startsWith("https://crowd.sandbox.test:");
    ChromeDriver browser = chromium(sandbox);
    try {
      browser.get(Urls.jiraAdmin(sandbox));
      assertThat(browser.getCurrentUrl()).startsWith(Urls.serviceLogin(sandbox));
      Journeys.Enrolled admin = Journeys.signInFirstTime(browser, sandbox, "admin", "admin123");
      assertThat(ProductPage.administration(browser).signedInText())
          .isEqualTo("Administrator admin");

      for (String name : List.of("crowd.token_key", "crowd2fa.assertion")) {
        Cookie cookie = browser.manage().getCookieNamed(name);
        assertThat(cookie).as(name).isNotNull();
        assertThat(cookie.getDomain()).as(name).isEqualTo(".sandbox.test");
        assertThat(cookie.isSecure()).as(name).isTrue();
        assertThat(cookie.isHttpOnly()).as(name).isTrue();
      }

      browser.get(Urls.confluenceDashboard(sandbox));
      assertThat(browser.getCurrentUrl()).startsWith(topology.productBaseUrl(Product.CONFLUENCE));
      assertThat(ProductPage.dashboard(browser).signedInText()).isEqualTo("Signed in as admin");

      sandbox.clock().advance(Duration.ofMinutes(16));
      browser.get(Urls.jiraAdmin(sandbox));
      ChallengePage stepUp = new ChallengePage(browser);
      assertThat(stepUp.currentUrl()).startsWith(topology.serviceBaseUrl());
      stepUp.enterCode(Journeys.nextCode(sandbox, admin.authenticatorApp()));
      assertThat(ProductPage.administration(browser).signedInText())
          .isEqualTo("Administrator admin");

      browser.get(Urls.confluenceLogout(sandbox));
      browser.get(Urls.jiraDashboard(sandbox));
      assertThat(new LoginPage(browser).currentUrl()).startsWith(Urls.serviceLogin(sandbox));
    } finally {
      browser.quit();
    }
  }

  private static ChromeDriver chromium(Sandbox sandbox) {
    SandboxTopology topology = sandbox.topology();
    String rules =
        List.of(Product.SERVICE, Product.JIRA, Product.CONFLUENCE).stream()
            .map(app -> "MAP " + topology.host(app) + " " + topology.bindAddress(app))
            .reduce((a, b) -> a + "," + b)
            .orElseThrow();
    Path profile = HeadlessChromium.newProfileDirectory();
    return HeadlessChromium.start(
        profile,
        List.of(
            "--host-resolver-rules=" + rules,
            "--ignore-certificate-errors-spki-list="
                + sandbox.certificateAuthority().orElseThrow().serverSpkiSha256()));
  }
}
