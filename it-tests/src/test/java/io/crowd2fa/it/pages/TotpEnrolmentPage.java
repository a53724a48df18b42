package io.crowd2fa.it.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** Shows the QR code and the key to type in by hand; asks for a first code to finish. */
public final class TotpEnrolmentPage extends ServicePage {

  /** The same page at first login ({@code /enrol/...}) and on the account page. */
  private static final String FINISH = "/totp/finish";

  public TotpEnrolmentPage(WebDriver driver) {
    super(driver, formWithAction(FINISH));
  }

  /** The base32 key under the QR code, as a user would type it into an app. */
  public String manualKey() {
    return visible(By.cssSelector("p.key")).getText().trim();
  }

  public boolean showsQrCode() {
    return visible(By.cssSelector("img.qr")).getAttribute("src").startsWith("data:image/");
  }

  public void finishWith(String code) {
    type(By.id("code"), code);
    submitFormWithAction(FINISH);
  }
}
