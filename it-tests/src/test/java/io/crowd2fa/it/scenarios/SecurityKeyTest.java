package io.crowd2fa.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.INTEGER;

import io.crowd2fa.it.browser.BrowserExtension;
import io.crowd2fa.it.pages.AccountPage;
import io.crowd2fa.it.pages.ChallengePage;
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
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * Scenario 2: security key enrolment and sign-in with Chromium's virtual authenticator (CTAP2, user
 * verification); then a second key and an authenticator app added on the account page; then, with
 * the authenticators removed, the fallback to the app (and, for a user with only a key, to a
 * recovery code).
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

  private static VirtualAuthenticatorOptions usbKeyWithUserVerification() {
    return new VirtualAuthenticatorOptions()
        .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
        .setTransport(VirtualAuthenticatorOptions.Transport.USB)
        .setHasResidentKey(false)
        .setHasUserVerification(true)
        .setIsUserVerified(true);
  }

  private static void enrolKeyAtFirstLogin(
      ChromeDriver browser, Sandbox sandbox, String user, String password, String nickname) {
    browser.get(Urls.jiraDashboard(sandbox));
    new LoginPage(browser).signIn(user, password);
    new EnrolmentChoicePage(browser).setUpSecurityKey().register(nickname);
    new RecoveryCodesPage(browser).confirmSavedAndContinue();
    assertThat(ProductPage.dashboard(browser).signedInText()).isEqualTo("Signed in as " + user);
  }

  /** The challenge offers first the method last used, {@code expectedFirst}. */
  private static void signInWithSecurityKey(
      ChromeDriver browser, Sandbox sandbox, String user, String expectedFirst) {
    Journeys.signOut(browser, sandbox);
    browser.get(Urls.jiraDashboard(sandbox));
    ChallengePage challenge = Journeys.signInReturning(browser, user, user + "123");
    assertThat(challenge.method()).isEqualTo(expectedFirst);
    if (!expectedFirst.equals("hwk")) {
      challenge = challenge.useSecurityKeyInstead();
    }
    challenge.useSecurityKey();
    assertThat(ProductPage.dashboard(browser).signedInText()).isEqualTo("Signed in as " + user);
  }

  @Test
  void keyAtFirstLoginThenASecondKeyAndAnAppThenWithoutKeysTheApp(
      Sandbox sandbox, ChromeDriver browser) {
    HasVirtualAuthenticator authenticators = (HasVirtualAuthenticator) browser;
    VirtualAuthenticator laptop =
        authenticators.addVirtualAuthenticator(platformKeyWithUserVerification());
    enrolKeyAtFirstLogin(browser, sandbox, "bob", "bob123", "Laptop");
    assertThat(laptop.getCredentials())
        .singleElement()
        .extracting(c -> c.getRpId())
        .isEqualTo("localhost");
    signInWithSecurityKey(browser, sandbox, "bob", "hwk");

    authenticators.removeVirtualAuthenticator(laptop);
    VirtualAuthenticator backup =
        authenticators.addVirtualAuthenticator(usbKeyWithUserVerification());
    browser.get(Urls.account(sandbox));
    new AccountPage(browser).addSecurityKey().register("Backup key");
    AccountPage account = new AccountPage(browser);
    assertThat(account.notice()).isEqualTo("Your new sign-in method is ready to use.");
    int backupUses = backup.getCredentials().get(0).getSignCount();
    TotpEnrolmentPage appEnrolment = account.addAuthenticatorApp("Phone");
    Rfc6238 phone = Rfc6238.sha1SixDigits(appEnrolment.manualKey());
    appEnrolment.finishWith(phone.codeAt(sandbox.clock().instant()));
    assertThat(new AccountPage(browser).factors())
        .containsExactly(
            "Authenticator app: Phone: ACTIVE",
            "Security key: Laptop: ACTIVE",
            "Security key: Backup key: ACTIVE");

    // The app was the last factor proven (its first code), so the challenge offers it first.
    signInWithSecurityKey(browser, sandbox, "bob", "otp");
    assertThat(backup.getCredentials())
        .as("the backup key, the only authenticator present, signed (Chromium may probe first)")
        .singleElement()
        .extracting(c -> c.getSignCount())
        .asInstanceOf(INTEGER)
        .isGreaterThan(backupUses);

    browser.get(Urls.account(sandbox));
    AccountPage afterRemoval = new AccountPage(browser).remove("Laptop");
    assertThat(afterRemoval.notice()).isEqualTo("The sign-in method was removed.");
    assertThat(afterRemoval.factors())
        .containsExactly("Authenticator app: Phone: ACTIVE", "Security key: Backup key: ACTIVE");

    Journeys.signOut(browser, sandbox);
    authenticators.removeVirtualAuthenticator(backup);
    browser.get(Urls.jiraDashboard(sandbox));
    ChallengePage keyGone = Journeys.signInReturning(browser, "bob", "bob123");
    assertThat(keyGone.method()).isEqualTo("hwk");
    ChallengePage app = keyGone.useAuthenticatorAppInstead();
    assertThat(app.method()).isEqualTo("otp");
    app.enterCode(Journeys.nextCode(sandbox, phone));

    assertThat(ProductPage.dashboard(browser).signedInText()).isEqualTo("Signed in as bob");
  }

  @Test
  void withOnlyAKeyAndTheKeyGoneARecoveryCodeSignsIn(Sandbox sandbox, ChromeDriver browser) {
    VirtualAuthenticator key =
        ((HasVirtualAuthenticator) browser)
            .addVirtualAuthenticator(platformKeyWithUserVerification());
    browser.get(Urls.jiraDashboard(sandbox));
    new LoginPage(browser).signIn("alice", "alice123");
    new EnrolmentChoicePage(browser).setUpSecurityKey().register("Laptop");
    RecoveryCodesPage codes = new RecoveryCodesPage(browser);
    String recoveryCode = codes.codes().get(0);
    codes.confirmSavedAndContinue();
    assertThat(ProductPage.dashboard(browser).signedInText()).isEqualTo("Signed in as alice");

    Journeys.signOut(browser, sandbox);
    ((HasVirtualAuthenticator) browser).removeVirtualAuthenticator(key);
    browser.get(Urls.jiraDashboard(sandbox));
    ChallengePage keyGone = Journeys.signInReturning(browser, "alice", "alice123");
    assertThat(keyGone.method()).isEqualTo("hwk");
    keyGone.useRecoveryCodeInstead().enterCode(recoveryCode);

    assertThat(ProductPage.dashboard(browser).signedInText()).isEqualTo("Signed in as alice");
  }
}
