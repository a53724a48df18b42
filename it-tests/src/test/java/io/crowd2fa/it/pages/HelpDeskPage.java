package io.crowd2fa.it.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The help desk for Crowd admins: look a user up, clear a lockout, remove all factors. */
public final class HelpDeskPage extends ServicePage {

  private static final By LOOKUP = By.id("username");

  public HelpDeskPage(WebDriver driver) {
    super(driver, LOOKUP);
  }

  public HelpDeskPage lookUp(String username) {
    type(LOOKUP, username);
    clickAndLeave(By.cssSelector("form[method=get] button[type=submit]"));
    return new HelpDeskPage(driver).waitForUser(username);
  }

  private HelpDeskPage waitForUser(String username) {
    waitForText(By.id("user"), username);
    return this;
  }

  /** "N failures in a row, M this hour; locked until … UTC." or "…; not locked." */
  public String secondFactorCounter() {
    return visible(By.id("second-factor-counter")).getText();
  }

  public String notice() {
    return visible(STATUS).getText();
  }

  public HelpDeskPage clearLockout() {
    submitFormWithAction("/admin/reset");
    waitForUrlContaining("notice=reset");
    return new HelpDeskPage(driver);
  }

  /** Ticks "I have verified that this request comes from …" and removes every factor. */
  public HelpDeskPage removeAllFactorsAfterVerifyingTheCaller() {
    click(By.cssSelector("form[action$='/admin/remove-all'] input[name=confirm]"));
    submitFormWithAction("/admin/remove-all");
    waitForUrlContaining("notice=removed");
    return new HelpDeskPage(driver);
  }
}
