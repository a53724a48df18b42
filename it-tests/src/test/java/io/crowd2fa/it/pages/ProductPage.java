package io.crowd2fa.it.pages;

import io.crowd2fa.it.browser.Page;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** A protected page of a sample product (Jira-like dashboard or admin page). */
public final class ProductPage extends Page {

  private static final By USER = By.id("user");
  private static final By ADMIN = By.id("admin");

  private ProductPage(WebDriver driver, By marker) {
    super(driver);
    visible(marker);
  }

  public static ProductPage dashboard(WebDriver driver) {
    return new ProductPage(driver, USER);
  }

  public static ProductPage administration(WebDriver driver) {
    return new ProductPage(driver, ADMIN);
  }

  /** "Signed in as alice" or "Administrator admin". */
  public String signedInText() {
    return driver.findElements(USER).isEmpty()
        ? driver.findElement(ADMIN).getText()
        : driver.findElement(USER).getText();
  }
}
