package io.crowd2fa.it.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** "Confirm it's you": the second step with the factor the user has. */
public final class ChallengePage extends ServicePage {

  public ChallengePage(WebDriver driver) {
    super(driver, formWithAction("/challenge"));
  }

  public void enterCode(String code) {
    type(By.id("code"), code);
    submitFormWithAction("/challenge");
  }

  /** Lets the browser's authenticator answer the WebAuthn challenge. */
  public void useSecurityKey() {
    submitFormWithAction("/challenge");
  }

  public ChallengePage useAuthenticatorAppInstead() {
    clickAndLeave(By.cssSelector("a[href$='/challenge?method=otp']"));
    return new ChallengePage(driver);
  }

  public ChallengePage useSecurityKeyInstead() {
    clickAndLeave(By.cssSelector("a[href$='/challenge?method=hwk']"));
    return new ChallengePage(driver);
  }

  public ChallengePage useRecoveryCodeInstead() {
    clickAndLeave(By.cssSelector("a[href$='/challenge?method=rc']"));
    return new ChallengePage(driver);
  }

  /** The method the form submits: {@code otp}, {@code rc} or {@code hwk}. */
  public String method() {
    return driver.findElement(By.cssSelector("form input[name=method]")).getAttribute("value");
  }
}
