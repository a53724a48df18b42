package io.crowd2fa.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.it.browser.BrowserExtension;
import io.crowd2fa.it.pages.EnrolmentChoicePage;
import io.crowd2fa.it.pages.LoginPage;
import io.crowd2fa.it.pages.ProductPage;
import io.crowd2fa.it.pages.RecoveryCodesPage;
import io.crowd2fa.it.pages.TotpEnrolmentPage;
import io.crowd2fa.it.sandbox.SandboxExtension;
import io.crowd2fa.it.sandbox.SandboxPolicy;
import io.crowd2fa.it.sandbox.Urls;
import io.crowd2fa.it.totp.Rfc6238;
import io.crowd2fa.sandbox.launcher.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;

/** Scenario 1: first login, forced TOTP enrolment, SSO into the second product, single logout. */
@ExtendWith({SandboxExtension.class, BrowserExtension.class})
@SandboxPolicy("/policies/it-policy.json")
class FirstLoginTest {

  @Test
  void firstLoginAtJiraEnrolsTotpThenConfluenceWithoutPromptThenLogoutEndsBoth(
      Sandbox sandbox, ChromeDriver browser) {
    browser.get(Urls.jiraDashboard(sandbox));
    new LoginPage(browser).signIn("alice", "alice123");

    TotpEnrolmentPage enrolment = new EnrolmentChoicePage(browser).setUpAuthenticatorApp();
    assertThat(enrolment.showsQrCode()).isTrue();
    Rfc6238 authenticatorApp = Rfc6238.sha1SixDigits(enrolment.manualKey());
    enrolment.finishWith(authenticatorApp.codeAt(sandbox.clock().instant()));

    RecoveryCodesPage recovery = new RecoveryCodesPage(browser);
    assertThat(recovery.codes()).hasSize(10).doesNotHaveDuplicates();
    recovery.confirmSavedAndContinue();

    assertThat(ProductPage.dashboard(browser).signedInText()).isEqualTo("Signed in as alice");

    browser.get(Urls.confluenceDashboard(sandbox));
    assertThat(ProductPage.dashboard(browser).signedInText()).isEqualTo("Signed in as alice");

    browser.get(Urls.confluenceLogout(sandbox));
    browser.get(Urls.jiraDashboard(sandbox));
    LoginPage again = new LoginPage(browser);
    assertThat(again.currentUrl()).startsWith(Urls.serviceLogin(sandbox));
  }
}
