package io.crowd2fa.it.pages;

import org.openqa.selenium.WebDriver;

/** A page of the service that only tells something: denied, locked, signed out, signed in. */
public final class NoticePage extends ServicePage {

  public NoticePage(WebDriver driver) {
    super(driver, STATUS);
  }

  public String message() {
    return driver.findElement(STATUS).getText();
  }
}
