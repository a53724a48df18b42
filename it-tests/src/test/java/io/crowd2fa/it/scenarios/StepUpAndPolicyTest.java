package io.crowd2fa.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.it.browser.BrowserExtension;
import io.crowd2fa.it.pages.ChallengePage;
import io.crowd2fa.it.pages.LoginPage;
import io.crowd2fa.it.pages.NoticePage;
import io.crowd2fa.it.pages.ProductPage;
import io.crowd2fa.it.sandbox.SandboxExtension;
import io.crowd2fa.it.sandbox.SandboxPolicy;
import io.crowd2fa.it.sandbox.Urls;
import io.crowd2fa.sandbox.launcher.Sandbox;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;

/** Scenarios 6 and 7: freshness on admin pages, and policy exemption and denial. */
@ExtendWith({SandboxExtension.class, BrowserExtension.class})
@SandboxPolicy("/policies/it-policy.json")
class StepUpAndPolicyTest {

  @Test
  void adminPageAsksForSecondFactorAgainAfterFifteenMinutesAndNotBefore(
      Sandbox sandbox, ChromeDriver browser) {
    browser.get(Urls.jiraAdmin(sandbox));
    Journeys.Enrolled admin = Journeys.signInFirstTime(browser, sandbox, "admin", "admin123");
    assertThat(ProductPage.administration(browser).signedInText()).isEqualTo("Administrator admin");

    sandbox.clock().advance(Duration.ofMinutes(14));
    browser.get(Urls.jiraAdmin(sandbox));
    assertThat(ProductPage.administration(browser).signedInText()).isEqualTo("Administrator admin");

    sandbox.clock().advance(Duration.ofMinutes(2));
    browser.get(Urls.jiraAdmin(sandbox));
    ChallengePage stepUp = new ChallengePage(browser);
    assertThat(stepUp.currentUrl()).startsWith(sandbox.topology().serviceBaseUrl());
    stepUp.enterCode(Journeys.nextCode(sandbox, admin.authenticatorApp()));

    assertThat(ProductPage.administration(browser).signedInText()).isEqualTo("Administrator admin");
  }

  @Test
  void userExemptByPolicySignsInWithPasswordOnly(Sandbox sandbox, ChromeDriver browser) {
    browser.get(Urls.confluenceDashboard(sandbox));

    new LoginPage(browser).signIn("contractor", "contractor123");

    assertThat(ProductPage.dashboard(browser).signedInText()).isEqualTo("Signed in as contractor");
  }

  @Test
  void userDeniedByPolicySeesWhy(Sandbox sandbox, ChromeDriver browser) {
    browser.get(Urls.confluenceDashboard(sandbox));

    new LoginPage(browser).signIn("admin", "admin123");

    NoticePage denied = new NoticePage(browser);
    assertThat(denied.heading()).isEqualTo("Sign-in not allowed");
    assertThat(denied.message())
        .isEqualTo(
            "Your account is not allowed to sign in here. If you think this is wrong, please"
                + " contact your administrator.");
    assertThat(denied.detail())
        .isEqualTo(
            "Reason given by your administrator: Administrators sign in to Confluence with their"
                + " personal account.");
  }
}
