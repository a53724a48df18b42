package io.crowd2fa.it.pages;

import io.crowd2fa.it.browser.Page;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** A page of the 2FA service: recognised by the form (or status text) it shows. */
abstract class ServicePage extends Page {

  static final By HEADING = By.tagName("h1");
  static final By ERROR = By.cssSelector("p.error[role=alert]");
  static final By STATUS = By.cssSelector("p[role=status]");

  ServicePage(WebDriver driver, By marker) {
    super(driver);
    visible(marker);
  }

  public final String heading() {
    return driver.findElement(HEADING).getText();
  }

  public final String error() {
    return visible(ERROR).getText();
  }

  /** Submits the form; returns once the browser has left this page (see {@link #clickAndLeave}). */
  protected final void submitFormWithAction(String actionSuffix) {
    clickAndLeave(By.cssSelector("form[action$='" + actionSuffix + "'] button[type=submit]"));
  }

  static By formWithAction(String actionSuffix) {
    return By.cssSelector("form[action$='" + actionSuffix + "']");
  }
}
