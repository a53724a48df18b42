package io.crowd2fa.it.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The signed-in user's self-service page: their factors and remaining recovery codes. */
public final class AccountPage extends ServicePage {

  private static final By REMAINING = By.id("remaining-codes");

  public AccountPage(WebDriver driver) {
    super(driver, REMAINING);
  }

  public String remainingRecoveryCodes() {
    return driver.findElement(REMAINING).getText();
  }
}
