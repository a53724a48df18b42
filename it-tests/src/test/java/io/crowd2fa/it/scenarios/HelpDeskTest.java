package io.crowd2fa.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.it.browser.BrowserExtension;
import io.crowd2fa.it.pages.ChallengePage;
import io.crowd2fa.it.pages.EnrolmentChoicePage;
import io.crowd2fa.it.pages.HelpDeskPage;
import io.crowd2fa.it.pages.LoginPage;
import io.crowd2fa.it.pages.NoticePage;
import io.crowd2fa.it.pages.ProductPage;
import io.crowd2fa.it.sandbox.SandboxExtension;
import io.crowd2fa.it.sandbox.SandboxPolicy;
import io.crowd2fa.it.sandbox.Urls;
import io.crowd2fa.sandbox.launcher.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A user locks herself out and calls the help desk: a Crowd admin clears the lockout in the browser
 * and she signs in; later she loses her phone and the admin removes all her factors, so her next
 * sign-in sets up a new one.
 */
@ExtendWith({SandboxExtension.class, BrowserExtension.class})
@SandboxPolicy("/policies/it-policy.json")
class HelpDeskTest {

  @Test
  void adminClearsALockoutThenRemovesAllFactorsAfterALostPhone(
      Sandbox sandbox, ChromeDriver browser) {
    browser.get(Urls.jiraDashboard(sandbox));
    Journeys.Enrolled alice = Journeys.signInFirstTime(browser, sandbox, "alice", "alice123");
    Journeys.signOut(browser, sandbox);
    browser.get(Urls.jiraDashboard(sandbox));
    ChallengePage challenge = Journeys.signInReturning(browser, "alice", "alice123");
    String wrong =
        "000000".equals(alice.authenticatorApp().codeAt(sandbox.clock().instant()))
            ? "111111"
            : "000000";
    for (int attempt = 1; attempt < 5; attempt++) {
      challenge.enterCode(wrong);
      challenge = new ChallengePage(browser);
    }
    challenge.enterCode(wrong);
    assertThat(new NoticePage(browser).heading()).isEqualTo("Too many attempts");

    browser.manage().deleteAllCookies();
    browser.get(Urls.jiraDashboard(sandbox));
    Journeys.Enrolled admin = Journeys.signInFirstTime(browser, sandbox, "admin", "admin123");
    browser.get(Urls.helpDesk(sandbox));
    HelpDeskPage desk = new HelpDeskPage(browser).lookUp("alice");
    assertThat(desk.secondFactorCounter())
        .matches(
            "Second-factor attempts: 5 failures in a row, 5 this hour; locked until .+ UTC\\.");
    HelpDeskPage cleared = desk.clearLockout();
    assertThat(cleared.notice())
        .isEqualTo("The counters were cleared and disabled factors removed.");
    assertThat(cleared.secondFactorCounter())
        .isEqualTo("Second-factor attempts: 0 failures in a row, 0 this hour; not locked.");

    browser.manage().deleteAllCookies();
    browser.get(Urls.jiraDashboard(sandbox));
    Journeys.signInReturning(browser, "alice", "alice123")
        .enterCode(Journeys.nextCode(sandbox, alice.authenticatorApp()));
    assertThat(ProductPage.dashboard(browser).signedInText()).isEqualTo("Signed in as alice");

    browser.manage().deleteAllCookies();
    browser.get(Urls.jiraDashboard(sandbox));
    Journeys.signInReturning(browser, "admin", "admin123")
        .enterCode(Journeys.nextCode(sandbox, admin.authenticatorApp()));
    browser.get(Urls.helpDesk(sandbox));
    assertThat(
            new HelpDeskPage(browser)
                .lookUp("alice")
                .removeAllFactorsAfterVerifyingTheCaller()
                .notice())
        .isEqualTo("All second factors and recovery codes were removed.");

    browser.manage().deleteAllCookies();
    browser.get(Urls.jiraDashboard(sandbox));
    new LoginPage(browser).signIn("alice", "alice123");
    new EnrolmentChoicePage(browser).setUpAuthenticatorApp();
  }
}
