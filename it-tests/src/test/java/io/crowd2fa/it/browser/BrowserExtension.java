package io.crowd2fa.it.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Gives each test its own headless Chromium with a fresh profile, saves a screenshot under {@code
 * target/screenshots/} when the test fails, and quits the browser afterwards.
 *
 * <p>Tests ask for a {@link ChromeDriver} (or {@link WebDriver}) parameter.
 */
public final class BrowserExtension
    implements ParameterResolver, AfterTestExecutionCallback, AfterEachCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(BrowserExtension.class);
  private static final String DRIVER = "driver";
  private static final String PROFILE = "profile";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == ChromeDriver.class || type == WebDriver.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return driver(context);
  }

  private static ChromeDriver driver(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    ChromeDriver existing = store.get(DRIVER, ChromeDriver.class);
    if (existing != null) {
      return existing;
    }
    Path profile = HeadlessChromium.newProfileDirectory();
    store.put(PROFILE, profile);
    ChromeDriver driver = HeadlessChromium.start(profile);
    store.put(DRIVER, driver);
    return driver;
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    ChromeDriver driver = context.getStore(NAMESPACE).get(DRIVER, ChromeDriver.class);
    if (driver != null && context.getExecutionException().isPresent()) {
      saveScreenshot(driver, context);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    ChromeDriver driver = store.remove(DRIVER, ChromeDriver.class);
    Path profile = store.remove(PROFILE, Path.class);
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      if (profile != null) {
        deleteRecursively(profile);
      }
    }
  }

  private static void saveScreenshot(ChromeDriver driver, ExtensionContext context) {
    Path directory = screenshotDirectory();
    String name =
        context.getRequiredTestClass().getSimpleName()
            + "-"
            + context.getRequiredTestMethod().getName()
            + ".png";
    try {
      Files.createDirectories(directory);
      Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(directory.resolve(name.replace(".png", ".html")), driver.getPageSource());
    } catch (IOException e) {
      throw new UncheckedIOException("could not save the failure screenshot " + name, e);
    }
  }

  static Path screenshotDirectory() {
    return Path.of(System.getProperty("crowd2fa.it.screenshots", "target/screenshots"));
  }

  private static void deleteRecursively(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete the browser profile " + root, e);
    }
  }
}
