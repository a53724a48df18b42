package io.crowd2fa.it.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowd2fa.it.browser.BrowserExtension;
import io.crowd2fa.it.pages.ChallengePage;
import io.crowd2fa.it.pages.NoticePage;
import io.crowd2fa.it.sandbox.SandboxExtension;
import io.crowd2fa.it.sandbox.SandboxPolicy;
import io.crowd2fa.it.sandbox.Urls;
import io.crowd2fa.sandbox.launcher.Sandbox;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;

/** Scenario 4: wrong codes until the service pauses verification, and the audit log shows it. */
@ExtendWith({SandboxExtension.class, BrowserExtension.class})
@SandboxPolicy("/policies/it-policy.json")
class LockoutTest {

  private static final String WRONG_CODE = "000000";
  private static final int FREE_ATTEMPTS = 5;

  @Test
  void wrongCodesUntilLockoutThenPageSaysHowLongAndAuditHasTheEvents(
      Sandbox sandbox, ChromeDriver browser) throws Exception {
    browser.get(Urls.jiraDashboard(sandbox));
    Journeys.Enrolled bob = Journeys.signInFirstTime(browser, sandbox, "bob", "bob123");
    Journeys.signOut(browser, sandbox);
    browser.get(Urls.jiraDashboard(sandbox));
    ChallengePage challenge = Journeys.signInReturning(browser, "bob", "bob123");
    String rightNow = bob.authenticatorApp().codeAt(sandbox.clock().instant());
    String wrong = WRONG_CODE.equals(rightNow) ? "111111" : WRONG_CODE;

    for (int attempt = 1; attempt < FREE_ATTEMPTS; attempt++) {
      challenge.enterCode(wrong);
      challenge = new ChallengePage(browser);
      assertThat(challenge.error()).isEqualTo("That code did not work. Check it and try again.");
    }
    // The wrong code that trips the lockout must already show the lockout page.
    challenge.enterCode(wrong);

    NoticePage locked = new NoticePage(browser);
    assertThat(locked.heading()).isEqualTo("Too many attempts");
    assertThat(locked.message())
        .matches(
            "For your protection, verification is paused\\. You can try again after .+ \\(UTC\\)\\.");

    // The H2 file belongs to the service while it runs; read the audit once it has stopped.
    sandbox.close();
    assertThat(auditEventsOf(sandbox, "bob")).contains("LOCKOUT").contains("TOTP_VERIFICATION");
  }

  private static List<String> auditEventsOf(Sandbox sandbox, String username) throws Exception {
    List<String> types = new ArrayList<>();
    try (Connection db = DriverManager.getConnection(sandbox.home().h2Url(), "sa", "");
        PreparedStatement query =
            db.prepareStatement(
                "SELECT event_type FROM audit_event WHERE username = ? ORDER BY id")) {
      query.setString(1, username);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          types.add(rows.getString(1));
        }
      }
    }
    return types;
  }
}
