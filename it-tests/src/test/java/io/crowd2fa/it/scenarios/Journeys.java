package io.crowd2fa.it.scenarios;

import io.crowd2fa.it.pages.ChallengePage;
import io.crowd2fa.it.pages.EnrolmentChoicePage;
import io.crowd2fa.it.pages.LoginPage;
import io.crowd2fa.it.pages.RecoveryCodesPage;
import io.crowd2fa.it.pages.TotpEnrolmentPage;
import io.crowd2fa.it.totp.Rfc6238;
import io.crowd2fa.sandbox.launcher.Sandbox;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.WebDriver;

/** Steps several scenarios share, written as a user would do them in the browser. */
final class Journeys {

  /** One TOTP step: advancing by it guarantees a code the service has not seen yet. */
  static final Duration TOTP_STEP = Duration.ofSeconds(30);

  private Journeys() {}

  /** What a user keeps after enrolment: the app holding the key, and the printed codes. */
  record Enrolled(Rfc6238 authenticatorApp, List<String> recoveryCodes) {}

  /** From the product page that sent the browser to the login, through enrolment, back to it. */
  static Enrolled signInFirstTime(
      WebDriver browser, Sandbox sandbox, String username, String password) {
    new LoginPage(browser).signIn(username, password);
    TotpEnrolmentPage enrolment = new EnrolmentChoicePage(browser).setUpAuthenticatorApp();
    Rfc6238 app = Rfc6238.sha1SixDigits(enrolment.manualKey());
    enrolment.finishWith(app.codeAt(sandbox.clock().instant()));
    RecoveryCodesPage recovery = new RecoveryCodesPage(browser);
    List<String> codes = recovery.codes();
    recovery.confirmSavedAndContinue();
    return new Enrolled(app, codes);
  }

  /** Password step of a returning user; the challenge page follows. */
  static ChallengePage signInReturning(WebDriver browser, String username, String password) {
    new LoginPage(browser).signIn(username, password);
    return new ChallengePage(browser);
  }

  /** The code of the next time step: the sandbox clock moves on, nobody waits. */
  static String nextCode(Sandbox sandbox, Rfc6238 app) {
    return app.codeAt(sandbox.clock().advance(TOTP_STEP));
  }

  /** Signs out everywhere through the service (what the products' logout links do). */
  static void signOut(WebDriver browser, Sandbox sandbox) {
    browser.get(sandbox.topology().serviceBaseUrl() + "/logout");
  }
}
