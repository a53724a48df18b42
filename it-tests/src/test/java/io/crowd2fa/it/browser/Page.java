package io.crowd2fa.it.browser;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Base of every page object: waits for the page to be the expected one, then offers actions. */
public abstract class Page {

  private static final Duration WAIT = Duration.ofSeconds(15);

  protected final WebDriver driver;

  protected Page(WebDriver driver) {
    this.driver = driver;
  }

  protected final WebElement visible(By locator) {
    return new WebDriverWait(driver, WAIT)
        .until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  protected final void type(By locator, String text) {
    WebElement field = visible(locator);
    field.clear();
    field.sendKeys(text);
  }

  protected final void click(By locator) {
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(locator)).click();
  }

  /**
   * Clicks a link or submit button and returns once the browser has left this page. Selenium's
   * click returns before the navigation it starts: a {@code get} right after it can cancel the
   * navigation in the browser while the server still completes it (a sign-in that finishes after
   * the sign-out), and a page object for the same kind of page would bind to the old document.
   *
   * <p>The page is marked before the click and left once the mark is gone. Probing the clicked
   * element for staleness instead races with the navigation: ChromeDriver then sometimes answers
   * "Node with given id does not belong to the document" rather than a stale-element error, so
   * errors while the documents change are ignored until the new one answers.
   */
  protected final void clickAndLeave(By locator) {
    WebElement target =
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(locator));
    String mark = UUID.randomUUID().toString();
    script("window.crowd2faPageMark = arguments[0];", mark);
    target.click();
    new WebDriverWait(driver, WAIT)
        .ignoring(WebDriverException.class)
        .until(browser -> !mark.equals(script("return window.crowd2faPageMark;")));
  }

  protected final void waitForUrlContaining(String fragment) {
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.urlContains(fragment));
  }

  protected final void waitForText(By locator, String text) {
    new WebDriverWait(driver, WAIT)
        .until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
  }

  protected final <T> T waitUntil(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT).until(condition);
  }

  protected final Object script(String javaScript, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(javaScript, arguments);
  }

  public final String currentUrl() {
    return driver.getCurrentUrl();
  }

  public final String bodyText() {
    return driver.findElement(By.tagName("body")).getText();
  }
}
