package io.crowd2fa.it.pages;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The signed-in user's self-service page: their factors, adding an authenticator app or a security
 * key, removing a factor, and the remaining recovery codes.
 */
public final class AccountPage extends ServicePage {

  private static final By REMAINING = By.id("remaining-codes");
  private static final By FACTOR_ROWS = By.cssSelector("tr.factor");

  public AccountPage(WebDriver driver) {
    super(driver, REMAINING);
  }

  public String remainingRecoveryCodes() {
    return driver.findElement(REMAINING).getText();
  }

  /** What the page says about the last change, e.g. "Your new sign-in method is ready to use." */
  public String notice() {
    return visible(STATUS).getText();
  }

  /** Each factor as "type: name: status", in the order the page lists them. */
  public List<String> factors() {
    return driver.findElements(FACTOR_ROWS).stream().map(AccountPage::describe).toList();
  }

  private static String describe(WebElement row) {
    List<WebElement> cells = row.findElements(By.tagName("td"));
    return cells.get(0).getText() + ": " + cells.get(1).getText() + ": " + cells.get(2).getText();
  }

  public TotpEnrolmentPage addAuthenticatorApp(String nickname) {
    type(By.id("totp-nickname"), nickname);
    submitFormWithAction("/account/totp");
    return new TotpEnrolmentPage(driver);
  }

  public SecurityKeyEnrolmentPage addSecurityKey() {
    submitFormWithAction("/account/key");
    return new SecurityKeyEnrolmentPage(driver);
  }

  /** Removes the factor named {@code nickname}; the page reloads with a notice. */
  public AccountPage remove(String nickname) {
    clickAndLeave(By.cssSelector("button[aria-label='Remove " + nickname + "']"));
    waitForUrlContaining("notice=");
    return new AccountPage(driver);
  }
}
