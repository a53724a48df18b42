package io.crowd2fa.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.it.browser.BrowserExtension;
import io.crowd2fa.it.pages.ChallengePage;
import io.crowd2fa.it.pages.ProductPage;
import io.crowd2fa.it.sandbox.SandboxExtension;
import io.crowd2fa.it.sandbox.SandboxPolicy;
import io.crowd2fa.it.sandbox.Urls;
import io.crowd2fa.sandbox.launcher.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;

/** Scenario 3: a recovery code signs in once, and only once. */
@ExtendWith({SandboxExtension.class, BrowserExtension.class})
@SandboxPolicy("/policies/it-policy.json")
class RecoveryCodeTest {

  @Test
  void recoveryCodeSignsInOnceThenTheSameCodeIsRejected(Sandbox sandbox, ChromeDriver browser) {
    browser.get(Urls.jiraDashboard(sandbox));
    Journeys.Enrolled alice = Journeys.signInFirstTime(browser, sandbox, "alice", "alice123");
    String recoveryCode = alice.recoveryCodes().get(3);
    Journeys.signOut(browser, sandbox);

    browser.get(Urls.jiraDashboard(sandbox));
    ChallengePage recovery =
        Journeys.signInReturning(browser, "alice", "alice123").useRecoveryCodeInstead();
    assertThat(recovery.method()).isEqualTo("rc");
    recovery.enterCode(recoveryCode);
    assertThat(ProductPage.dashboard(browser).signedInText()).isEqualTo("Signed in as alice");
    Journeys.signOut(browser, sandbox);

    browser.get(Urls.jiraDashboard(sandbox));
    ChallengePage again =
        Journeys.signInReturning(browser, "alice", "alice123").useRecoveryCodeInstead();
    again.enterCode(recoveryCode);

    assertThat(new ChallengePage(browser).error())
        .isEqualTo("That code did not work. Check it and try again.");
  }
}
