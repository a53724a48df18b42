package io.crowd2fa.it.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The small test page that calls {@code navigator.credentials.create} and {@code get}. */
final class WebAuthnSmokePage extends Page {

  private static final By RESULT = By.id("result");

  WebAuthnSmokePage(WebDriver driver) {
    super(driver);
    visible(By.id("heading"));
  }

  String register() {
    return clickAndAwaitResult(By.id("register"));
  }

  String signIn() {
    return clickAndAwaitResult(By.id("sign-in"));
  }

  private String clickAndAwaitResult(By button) {
    script("document.getElementById('result').textContent = ''");
    click(button);
    return waitUntil(
        d -> {
          String text = d.findElement(RESULT).getText();
          return text.isEmpty() ? null : text;
        });
  }
}
