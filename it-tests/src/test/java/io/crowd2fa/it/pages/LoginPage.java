package io.crowd2fa.it.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The central login of the 2FA service: username and password. */
public final class LoginPage extends ServicePage {

  public LoginPage(WebDriver driver) {
    super(driver, formWithAction("/login"));
  }

  /** Submits the password step; the caller knows which page comes next. */
  public void signIn(String username, String password) {
    type(By.id("os_username"), username);
    type(By.id("os_password"), password);
    submitFormWithAction("/login");
  }
}
