package io.crowd2fa.it.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** "Set up two-step verification": the policy requires a factor the user does not have yet. */
public final class EnrolmentChoicePage extends ServicePage {

  public EnrolmentChoicePage(WebDriver driver) {
    super(driver, By.cssSelector("form[action$='/enrol/totp'], form[action$='/enrol/key']"));
  }

  public SecurityKeyEnrolmentPage setUpSecurityKey() {
    submitFormWithAction("/enrol/key");
    return new SecurityKeyEnrolmentPage(driver);
  }

  public TotpEnrolmentPage setUpAuthenticatorApp() {
    submitFormWithAction("/enrol/totp");
    return new TotpEnrolmentPage(driver);
  }
}
