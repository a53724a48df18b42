package io.crowd2fa.it.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** A page of the service that only tells something: denied, locked, signed out, signed in. */
public final class NoticePage extends ServicePage {

  private static final By DETAIL = By.cssSelector("p.detail");

  public NoticePage(WebDriver driver) {
    super(driver, STATUS);
  }

  public String message() {
    return driver.findElement(STATUS).getText();
  }

  /** The further explanation under the message (a deny rule's reason), or empty. */
  public String detail() {
    return driver.findElements(DETAIL).stream().map(e -> e.getText()).findFirst().orElse("");
  }
}
