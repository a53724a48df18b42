package io.crowd2fa.it.pages;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The one-time display of the recovery codes. */
public final class RecoveryCodesPage extends ServicePage {

  public RecoveryCodesPage(WebDriver driver) {
    super(driver, formWithAction("/enrol/codes"));
  }

  public List<String> codes() {
    return driver.findElements(By.cssSelector("ol.codes li")).stream()
        .map(WebElement::getText)
        .map(String::trim)
        .toList();
  }

  public void confirmSavedAndContinue() {
    click(By.cssSelector("input[name=saved]"));
    submitFormWithAction("/enrol/codes");
  }
}
