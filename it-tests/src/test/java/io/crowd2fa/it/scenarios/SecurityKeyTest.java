package io.crowd2fa.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.it.browser.BrowserExtension;
import io.crowd2fa.it.pages.ChallengePage;
import io.crowd2fa.it.pages.EnrolmentChoicePage;
import io.crowd2fa.it.pages.LoginPage;
import io.crowd2fa.it.pages.ProductPage;
import io.crowd2fa.it.pages.RecoveryCodesPage;
import io.crowd2fa.it.sandbox.SandboxExtension;
import io.crowd2fa.it.sandbox.SandboxPolicy;
import io.crowd2fa.it.sandbox.Urls;
import io.crowd2fa.sandbox.launcher.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * Scenario 2, the parts the service offers so far: security key enrolment and sign-in with
 * Chromium's virtual authenticator (CTAP2, user verification), then, with the authenticator
 * removed, the fallback to another factor (a recovery code: the self-service page cannot yet add a
 * second key or an authenticator app next to the key).
 */
@ExtendWith({SandboxExtension.class, BrowserExtension.class})
@SandboxPolicy("/policies/it-policy.json")
class SecurityKeyTest {

  private static VirtualAuthenticatorOptions platformKeyWithUserVerification() {
    return new VirtualAuthenticatorOptions()
        .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
        .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
        .setHasResidentKey(true)
        .setHasUserVerification(true)
        .setIsUserVerified(true);
  }

  @Test
  void securityKeyEnrolledAtFirstLoginThenSignsIn(Sandbox sandbox, ChromeDriver browser) {
    VirtualAuthenticator key =
        ((HasVirtualAuthenticator) browser)
            .addVirtualAuthenticator(platformKeyWithUserVerification());
    browser.get(Urls.jiraDashboard(sandbox));
    new LoginPage(browser).signIn("bob", "bob123");

    new EnrolmentChoicePage(browser).setUpSecurityKey().register("Laptop");
    RecoveryCodesPage codes = new RecoveryCodesPage(browser);
    String recoveryCode = codes.codes().get(0);
    codes.confirmSavedAndContinue();

    assertThat(ProductPage.dashboard(browser).signedInText()).isEqualTo("Signed in as bob");
    assertThat(key.getCredentials())
        .singleElement()
        .extracting(c -> c.getRpId())
        .isEqualTo("localhost");

    Journeys.signOut(browser, sandbox);
    browser.get(Urls.jiraDashboard(sandbox));
    new LoginPage(browser).signIn("bob", "bob123");
    ChallengePage challenge = new ChallengePage(browser);
    assertThat(challenge.method()).isEqualTo("hwk");
    challenge.useSecurityKey();

    assertThat(ProductPage.dashboard(browser).signedInText()).isEqualTo("Signed in as bob");

    Journeys.signOut(browser, sandbox);
    ((HasVirtualAuthenticator) browser).removeVirtualAuthenticator(key);
    browser.get(Urls.jiraDashboard(sandbox));
    new LoginPage(browser).signIn("bob", "bob123");
    ChallengePage keyGone = new ChallengePage(browser);
    assertThat(keyGone.method()).isEqualTo("hwk");
    keyGone.useRecoveryCodeInstead().enterCode(recoveryCode);

    assertThat(ProductPage.dashboard(browser).signedInText()).isEqualTo("Signed in as bob");
  }
}
