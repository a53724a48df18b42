package io.crowd2fa.it.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** Names a new security key, then lets the browser create the credential. */
public final class SecurityKeyEnrolmentPage extends ServicePage {

  public SecurityKeyEnrolmentPage(WebDriver driver) {
    super(driver, formWithAction("/enrol/key/finish"));
  }

  public void register(String nickname) {
    type(By.id("nickname"), nickname);
    submitFormWithAction("/enrol/key/finish");
  }
}
