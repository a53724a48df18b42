package io.crowd2fa.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.it.browser.BrowserExtension;
import io.crowd2fa.it.pages.AccountPage;
import io.crowd2fa.it.pages.ChallengePage;
import io.crowd2fa.it.pages.EnrolmentChoicePage;
import io.crowd2fa.it.pages.LoginPage;
import io.crowd2fa.it.pages.NoticePage;
import io.crowd2fa.it.pages.ProductPage;
import io.crowd2fa.it.pages.RecoveryCodesPage;
import io.crowd2fa.it.pages.TotpEnrolmentPage;
import io.crowd2fa.it.sandbox.SandboxExtension;
import io.crowd2fa.it.sandbox.SandboxPolicy;
import io.crowd2fa.it.sandbox.Urls;
import io.crowd2fa.it.totp.Rfc6238;
import io.crowd2fa.sandbox.launcher.Sandbox;
import io.crowd2fa.sandbox.product.RunningProduct;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Scenarios 1, 5, 8 and 9 on one sandbox; each test uses its own demo user and browser profile. */
@ExtendWith({SandboxExtension.class, BrowserExtension.class})
@SandboxPolicy("/policies/it-policy.json")
class SingleSignOnTest {

  @Test
  void firstLoginAtJiraEnrolsTotpThenConfluenceWithoutPromptThenLogoutEndsBoth(
      Sandbox sandbox, ChromeDriver browser) {
    browser.get(Urls.jiraDashboard(sandbox));
    new LoginPage(browser).signIn("alice", "alice123");

    TotpEnrolmentPage enrolment = new EnrolmentChoicePage(browser).setUpAuthenticatorApp();
    assertThat(enrolment.showsQrCode()).isTrue();
    Rfc6238 authenticatorApp = Rfc6238.sha1SixDigits(enrolment.manualKey());
    enrolment.finishWith(authenticatorApp.codeAt(sandbox.clock().instant()));

    RecoveryCodesPage recovery = new RecoveryCodesPage(browser);
    assertThat(recovery.codes()).hasSize(10).doesNotHaveDuplicates();
    recovery.confirmSavedAndContinue();

    assertThat(ProductPage.dashboard(browser).signedInText()).isEqualTo("Signed in as alice");

    browser.get(Urls.confluenceDashboard(sandbox));
    assertThat(ProductPage.dashboard(browser).signedInText()).isEqualTo("Signed in as alice");

    browser.get(Urls.confluenceLogout(sandbox));
    browser.get(Urls.jiraDashboard(sandbox));
    LoginPage again = new LoginPage(browser);
    assertThat(again.currentUrl()).startsWith(Urls.serviceLogin(sandbox));
  }

  @Test
  void totpCodeAlreadyUsedIsRejectedAtTheNextLogin(Sandbox sandbox, ChromeDriver browser) {
    browser.get(Urls.jiraDashboard(sandbox));
    Journeys.Enrolled bob = Journeys.signInFirstTime(browser, sandbox, "bob", "bob123");
    Journeys.signOut(browser, sandbox);
    browser.get(Urls.jiraDashboard(sandbox));
    String code = Journeys.nextCode(sandbox, bob.authenticatorApp());
    Journeys.signInReturning(browser, "bob", "bob123").enterCode(code);
    assertThat(ProductPage.dashboard(browser).signedInText()).isEqualTo("Signed in as bob");
    Journeys.signOut(browser, sandbox);

    browser.get(Urls.jiraDashboard(sandbox));
    ChallengePage challenge = Journeys.signInReturning(browser, "bob", "bob123");
    challenge.enterCode(code);

    assertThat(new ChallengePage(browser).error())
        .isEqualTo("That code did not work. Check it and try again.");
    assertThat(browser.getCurrentUrl()).startsWith(sandbox.topology().serviceBaseUrl());
  }

  @Test
  void recoveryCodeSignsInOnceThenTheSameCodeIsRejected(Sandbox sandbox, ChromeDriver browser) {
    browser.get(Urls.jiraDashboard(sandbox));
    Journeys.Enrolled admin = Journeys.signInFirstTime(browser, sandbox, "admin", "admin123");
    String recoveryCode = admin.recoveryCodes().get(3);
    Journeys.signOut(browser, sandbox);

    browser.get(Urls.jiraDashboard(sandbox));
    ChallengePage recovery =
        Journeys.signInReturning(browser, "admin", "admin123").useRecoveryCodeInstead();
    assertThat(recovery.method()).isEqualTo("rc");
    recovery.enterCode(recoveryCode);
    assertThat(ProductPage.dashboard(browser).signedInText()).isEqualTo("Signed in as admin");
    browser.get(Urls.account(sandbox));
    assertThat(new AccountPage(browser).remainingRecoveryCodes())
        .isEqualTo("Unused recovery codes: 9");
    Journeys.signOut(browser, sandbox);

    browser.get(Urls.jiraDashboard(sandbox));
    ChallengePage again =
        Journeys.signInReturning(browser, "admin", "admin123").useRecoveryCodeInstead();
    again.enterCode(recoveryCode);

    assertThat(new ChallengePage(browser).error())
        .isEqualTo("That code did not work. Check it and try again.");
  }

  @Test
  void sandboxClockControlMovesTimeForwardOnlyForward(Sandbox sandbox) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> forward =
        http.send(
            HttpRequest.newBuilder(URI.create(sandbox.topology().clockUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("advance=PT1S"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> backward =
        http.send(
            HttpRequest.newBuilder(URI.create(sandbox.topology().clockUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("advance=-PT1H"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(forward.statusCode()).isEqualTo(200);
    assertThat(forward.body()).contains("\"offset\":\"PT");
    assertThat(backward.statusCode()).isEqualTo(400);
    assertThat(sandbox.clock().offset()).isPositive();
  }

  @Test
  void osDestinationOnAnotherHostEndsOnTheLandingPage(Sandbox sandbox, ChromeDriver browser) {
    String evil = "http://evil.example/steal";
    browser.get(
        Urls.serviceLogin(sandbox)
            + "?os_destination="
            + URLEncoder.encode(evil, StandardCharsets.UTF_8));

    // contractor is exempt by the test policy, so the password is the whole login.
    new LoginPage(browser).signIn("contractor", "contractor123");

    NoticePage landing = new NoticePage(browser);
    assertThat(landing.currentUrl()).isEqualTo(sandbox.topology().serviceBaseUrl() + "/landing");
    assertThat(landing.message())
        .isEqualTo("You are signed in. You can now return to your application.");
  }

  @Test
  void productsOwnLoginFormRefusesTwoFactorUser(Sandbox sandbox, ChromeDriver browser) {
    browser.get(Urls.jiraLoginForm(sandbox));
    browser.findElement(By.name("os_username")).sendKeys("alice");
    browser.findElement(By.name("os_password")).sendKeys("alice123");
    browser.findElement(By.tagName("button")).click();

    assertThat(
            new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("status")))
                .getText())
        .isEqualTo("Login failed");
    browser.get(Urls.jiraDashboard(sandbox));
    assertThat(browser.getPageSource()).doesNotContain(RunningProduct.protectedMarker());
    assertThat(new LoginPage(browser).currentUrl()).startsWith(Urls.serviceLogin(sandbox));
  }

  @Test
  void productsHttpBasicRefusesTwoFactorUser(Sandbox sandbox) throws Exception {
    String basic =
        Base64.getEncoder().encodeToString("alice:alice123".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(Urls.jiraRest(sandbox)))
                    .header("Authorization", "Basic " + basic)
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isIn(401, 403);
    assertThat(response.body()).doesNotContain(RunningProduct.protectedMarker());
  }
}
