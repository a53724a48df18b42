package io.crowd2fa.it.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts Debian's Chromium through Debian's ChromeDriver, both given by path, so Selenium Manager
 * has nothing to look up or download.
 */
public final class HeadlessChromium {

  private static final Path DEFAULT_DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path DEFAULT_BINARY = Path.of("/usr/bin/chromium");

  private HeadlessChromium() {}

  /** A new browser with its own, fresh profile directory. */
  public static ChromeDriver start(Path userDataDir) {
    return start(userDataDir, java.util.List.of());
  }

  /** A new browser with its own profile and these extra command-line switches. */
  public static ChromeDriver start(Path userDataDir, java.util.List<String> extraArguments) {
    // Selenium reads SE_OFFLINE as a system property or an environment variable.
    System.setProperty("SE_OFFLINE", "true");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(driverPath().toFile())
            .usingAnyFreePort()
            .withTimeout(Duration.ofSeconds(30))
            .build();
    ChromeOptions options = options(userDataDir);
    options.addArguments(extraArguments);
    return new ChromeDriver(service, options);
  }

  static ChromeOptions options(Path userDataDir) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binaryPath().toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        // Without these Chromium keeps dialling out (updates, sync, safe browsing) from an
        // offline build box.
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1024",
        "--user-data-dir=" + userDataDir.toAbsolutePath());
    return options;
  }

  public static Path newProfileDirectory() {
    try {
      return Files.createTempDirectory("crowd2fa-chromium-profile-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path driverPath() {
    return pathFromEnvironment("CHROMEDRIVER", DEFAULT_DRIVER);
  }

  static Path binaryPath() {
    return pathFromEnvironment("CHROME_BIN", DEFAULT_BINARY);
  }

  private static Path pathFromEnvironment(String variable, Path fallback) {
    String value = System.getenv(variable);
    return value == null || value.isBlank() ? fallback : Path.of(value);
  }
}
