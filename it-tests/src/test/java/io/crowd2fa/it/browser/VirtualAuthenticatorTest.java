package io.crowd2fa.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * Proves the browser stack the end-to-end scenarios rely on: Debian Chromium headless through
 * Selenium, and its virtual authenticator creating and using a resident, user-verified credential
 * on {@code http://localhost}.
 */
@ExtendWith(BrowserExtension.class)
class VirtualAuthenticatorTest {

  private static StaticSite site;

  @BeforeAll
  static void serveSmokePage() {
    site = StaticSite.serving("browser-smoke");
  }

  @AfterAll
  static void stopSite() throws Exception {
    site.close();
  }

  static VirtualAuthenticatorOptions platformKeyWithUserVerification() {
    return new VirtualAuthenticatorOptions()
        .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
        .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
        .setHasResidentKey(true)
        .setHasUserVerification(true)
        .setIsUserVerified(true);
  }

  @Test
  void createWhenVirtualAuthenticatorPresentThenResidentCredentialStoredForLocalhost(
      ChromeDriver driver) {
    VirtualAuthenticator authenticator =
        ((HasVirtualAuthenticator) driver)
            .addVirtualAuthenticator(platformKeyWithUserVerification());
    driver.get(site.url("webauthn.html"));

    String outcome = new WebAuthnSmokePage(driver).register();

    assertThat(outcome).isEqualTo("registered public-key platform");
    assertThat(authenticator.getCredentials())
        .singleElement()
        .satisfies(
            credential -> {
              assertThat(credential.isResidentCredential()).isTrue();
              assertThat(credential.getRpId()).isEqualTo("localhost");
            });
  }

  @Test
  void getWhenCredentialRegisteredThenAssertionCarriesUserVerifiedFlag(ChromeDriver driver) {
    ((HasVirtualAuthenticator) driver).addVirtualAuthenticator(platformKeyWithUserVerification());
    driver.get(site.url("webauthn.html"));
    WebAuthnSmokePage page = new WebAuthnSmokePage(driver);
    page.register();

    assertThat(page.signIn()).isEqualTo("signed in uv=true");
  }

  @Test
  void getWhenVirtualAuthenticatorRemovedThenBrowserReportsNotAllowed(ChromeDriver driver) {
    HasVirtualAuthenticator browser = (HasVirtualAuthenticator) driver;
    VirtualAuthenticator authenticator =
        browser.addVirtualAuthenticator(platformKeyWithUserVerification());
    driver.get(site.url("webauthn.html"));
    WebAuthnSmokePage page = new WebAuthnSmokePage(driver);
    page.register();
    Credential registered = authenticator.getCredentials().get(0);
    assertThat(registered.getRpId()).isEqualTo("localhost");

    browser.removeVirtualAuthenticator(authenticator);

    assertThat(page.signIn()).isEqualTo("failed NotAllowedError");
  }
}
