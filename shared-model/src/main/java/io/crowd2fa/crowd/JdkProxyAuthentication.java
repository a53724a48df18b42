package io.crowd2fa.crowd;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Whether this JVM's {@code HttpClient} will pass the client's preemptive {@code
 * Proxy-Authorization: Basic} header on to the proxy. The JDK silently drops that header when its
 * scheme is listed in {@code jdk.http.auth.tunneling.disabledSchemes} (HTTPS Crowd URL, sent on the
 * {@code CONNECT} that opens the tunnel) or {@code jdk.http.auth.proxying.disabledSchemes}
 * (plain-HTTP Crowd URL); the JDK's own {@code conf/net.properties} lists Basic for tunnelling. The
 * proxy then answers 407 to every call, so the combination is refused at configuration time.
 */
final class JdkProxyAuthentication {

  static final String TUNNELING_DISABLED_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";
  static final String PROXYING_DISABLED_SCHEMES = "jdk.http.auth.proxying.disabledSchemes";

  private JdkProxyAuthentication() {}

  /**
   * Refuses a {@code config} whose proxy credentials would never reach the proxy: better a clear
   * error at start than a 407 at the first login.
   *
   * @param source where the configuration came from, for the message
   */
  static void requireUsable(CrowdClientConfig config, String source) {
    config
        .proxy()
        .flatMap(proxy -> refusal(config.baseUrl(), proxy))
        .ifPresent(
            problem -> {
              throw new CrowdConfigurationException(
                  CrowdProperties.HTTP_PROXY_USERNAME, source, problem);
            });
  }

  /**
   * Why proxy credentials for {@code crowdUrl} would never reach the proxy in this JVM, or empty
   * when they would (or none are configured).
   */
  static Optional<String> refusal(URI crowdUrl, HttpProxy proxy) {
    return refusal(crowdUrl, proxy, JdkProxyAuthentication::netProperty);
  }

  /**
   * @param netProperty the JDK networking property of that name as the JDK resolves it, or null
   */
  static Optional<String> refusal(
      URI crowdUrl, HttpProxy proxy, UnaryOperator<String> netProperty) {
    if (proxy.username().isEmpty()) {
      return Optional.empty();
    }
    boolean tunnel = "https".equalsIgnoreCase(crowdUrl.getScheme());
    String property = tunnel ? TUNNELING_DISABLED_SCHEMES : PROXYING_DISABLED_SCHEMES;
    if (!listsBasic(netProperty.apply(property))) {
      return Optional.empty();
    }
    return Optional.of(
        "is set but this JVM never sends proxy credentials to the proxy for the "
            + (tunnel ? "https" : "http")
            + " Crowd URL "
            + crowdUrl
            + ": the JDK HttpClient drops a Basic Proxy-Authorization header"
            + (tunnel ? " on the CONNECT that opens the HTTPS tunnel" : "")
            + " while the JVM property "
            + property
            + " lists Basic"
            + (tunnel ? " (the JDK default)" : "")
            + ", so an authenticating proxy would answer 407 to every call. Start the JVM with -D"
            + property
            + "= (empty; this allows Basic proxy authentication JVM-wide"
            + (tunnel ? " for HTTPS tunnels" : "")
            + "), or remove "
            + CrowdProperties.HTTP_PROXY_USERNAME
            + " and "
            + CrowdProperties.HTTP_PROXY_PASSWORD
            + " if the proxy does not require them");
  }

  /** The JDK's own parsing: comma-separated scheme names, compared ignoring case. */
  static boolean listsBasic(String schemes) {
    if (schemes == null) {
      return false;
    }
    for (String scheme : schemes.split(",")) {
      if (scheme.trim().toLowerCase(Locale.ROOT).equals("basic")) {
        return true;
      }
    }
    return false;
  }

  /**
   * As {@code sun.net.NetProperties} resolves it: the system property, else {@code
   * <java.home>/conf/net.properties}. The JDK reads it once when its HttpClient classes load, so a
   * value changed later at run time is not what the JDK uses; admins set it with {@code -D}.
   */
  private static String netProperty(String name) {
    String fromSystem = System.getProperty(name);
    if (fromSystem != null) {
      return fromSystem;
    }
    Path file = Path.of(System.getProperty("java.home"), "conf", "net.properties");
    Properties defaults = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      defaults.load(in);
    } catch (NoSuchFileException absent) {
      // The JDK then has no default either: nothing is disabled.
      return null;
    } catch (IOException | IllegalArgumentException unreadable) {
      // Fail closed: assume the JDK's shipped default, which refuses Basic for tunnels.
      return name.equals(TUNNELING_DISABLED_SCHEMES) ? "Basic" : null;
    }
    return defaults.getProperty(name);
  }
}
