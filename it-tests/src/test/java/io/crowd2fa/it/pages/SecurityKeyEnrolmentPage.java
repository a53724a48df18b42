package io.crowd2fa.it.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** Names a new security key, then lets the browser create the credential. */
public final class SecurityKeyEnrolmentPage extends ServicePage {

  /** The same page at first login ({@code /enrol/...}) and on the account page. */
  private static final String FINISH = "/key/finish";

  public SecurityKeyEnrolmentPage(WebDriver driver) {
    super(driver, formWithAction(FINISH));
  }

  public void register(String nickname) {
    type(By.id("nickname"), nickname);
    submitFormWithAction(FINISH);
  }
}
