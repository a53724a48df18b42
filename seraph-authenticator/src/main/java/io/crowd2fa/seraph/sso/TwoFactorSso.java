package io.crowd2fa.seraph.sso;

import io.crowd2fa.crowd.CookieDomain;
import io.crowd2fa.crowd.CrowdClient;
import io.crowd2fa.crowd.CrowdClientConfig;
import io.crowd2fa.crowd.CrowdException;
import io.crowd2fa.crowd.CrowdProperties;
import io.crowd2fa.crowd.SsoToken;
import io.crowd2fa.seraph.core.AssertionVerifier;
import io.crowd2fa.seraph.core.AuthenticatorSettings;
import io.crowd2fa.seraph.core.FreshnessRule;
import io.crowd2fa.seraph.core.HttpFetcher;
import io.crowd2fa.seraph.core.JdkHttpFetcher;
import io.crowd2fa.seraph.core.JwksKeySource;
import io.crowd2fa.seraph.core.KeySource;
import io.crowd2fa.seraph.core.ProductPolicySource;
import io.crowd2fa.seraph.core.SettingsReader;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/**
 * The product-agnostic SSO core behind every Crowd2FA Seraph authenticator. Per-product classes
 * call {@link #getUser}, {@link #mayUsePassword} / {@link #passwordLoginSucceeded} and {@link
 * #beforeProductLogout}, and lend their own behaviour through a {@link ProductBridge}.
 *
 * <p>Fast path (DESIGN D4): the session holds a {@link SessionRecord} for the very token in the
 * request's cookie, validated at Crowd less than {@code session.validationinterval} ago, with an
 * assertion still fresh enough for this path: then the product's own session lookup answers, with
 * no I/O and no crypto. Anything else takes the full validation, and every failure clears the
 * product session (fail closed, D5).
 */
public final class TwoFactorSso {

  /** Session attribute holding the {@link SessionRecord}. */
  public static final String SESSION_RECORD = "io.crowd2fa.seraph.session";

  /** Session attribute naming a break-glass account signed in with its password. */
  public static final String BREAK_GLASS_USER = "io.crowd2fa.seraph.breakglass";

  /** Response header on every 401 to an API client: where to sign in. */
  public static final String LOGIN_URL_HEADER = "X-Crowd2FA-Login-Url";

  /** Response header when the second factor must be repeated: the step-up page. */
  public static final String STEP_UP_URL_HEADER = "X-Crowd2FA-Step-Up-Url";

  private static final String REQUEST_REFUSED = "io.crowd2fa.seraph.refused";
  private static final Object[] VALIDATION_LOCKS = newLocks(256);
  private static final System.Logger LOG = System.getLogger(TwoFactorSso.class.getName());

  private final Set<String> breakGlassUsers;
  private final AuthenticatorSettings settings;
  private final List<String> problems;
  private final ContextClock clock;
  private final ProductPolicySource policy;
  private final FullValidation validation;
  private final ApiClientDetector apiClients;
  private final CrowdClient crowd;
  private final long validationIntervalMillis;

  /** A working core (tests and {@link #fromInitParams}). */
  public TwoFactorSso(
      AuthenticatorSettings settings, HttpFetcher fetcher, CrowdClient crowd, Clock clock) {
    this.settings = settings;
    this.problems = List.of();
    this.breakGlassUsers = settings.breakGlassUsers();
    this.clock = new ContextClock(clock);
    this.crowd = crowd;
    KeySource keys =
        settings
            .pinnedPublicKey()
            .map(KeySource::pinned)
            .orElseGet(
                () ->
                    new JwksKeySource(
                        URI.create(settings.serviceBase() + "/.well-known/jwks.json"),
                        fetcher,
                        this.clock,
                        settings.keyRefreshMinInterval(),
                        settings.cacheTtl()));
    this.policy =
        new ProductPolicySource(
            settings.serviceBase(),
            settings.application(),
            settings.localFreshness(),
            fetcher,
            this.clock,
            settings.cacheTtl(),
            settings.policyMaxStale());
    this.validation =
        new FullValidation(
            new AssertionVerifier(keys, settings.issuer(), this.clock, Duration.ofSeconds(60)),
            policy,
            crowd,
            this.clock);
    this.apiClients = new ApiClientDetector(settings.apiClientSignals());
    this.validationIntervalMillis = settings.validationInterval().toMillis();
  }

  private TwoFactorSso(List<String> problems, Set<String> breakGlassUsers) {
    this.settings = null;
    this.problems = List.copyOf(problems);
    this.breakGlassUsers = Set.copyOf(breakGlassUsers);
    this.clock = new ContextClock(Clock.systemUTC());
    this.policy = null;
    this.validation = null;
    this.apiClients = null;
    this.crowd = null;
    this.validationIntervalMillis = 0;
  }

  /**
   * The core for Seraph's {@code init}: reads the init-params and {@code crowd.properties} (the
   * given file, else {@code crowd.properties} on {@code loader}'s class path as the product has
   * it). A misconfiguration is logged once, here, and the core then refuses everyone except
   * break-glass accounts.
   */
  public static TwoFactorSso fromInitParams(Map<String, String> params, ClassLoader loader) {
    SettingsReader.Result result =
        SettingsReader.read(params, file -> loadCrowdProperties(file, loader));
    if (result instanceof SettingsReader.Result.Valid valid) {
      AuthenticatorSettings settings = valid.settings();
      LOG.log(
          Level.INFO,
          "Crowd2FA authenticator ready for application {0}; sign-in at {1}",
          settings.application(),
          settings.loginUrl());
      return new TwoFactorSso(
          settings,
          new JdkHttpFetcher(settings.serviceTimeout()),
          CrowdClient.create(settings.crowd()),
          Clock.systemUTC());
    }
    List<String> problems = ((SettingsReader.Result.Invalid) result).problems();
    LOG.log(
        Level.ERROR,
        "Crowd2FA authenticator is MISCONFIGURED and refuses every sign-in until seraph-config.xml"
            + " / crowd.properties are fixed: {0}",
        String.join("; ", problems));
    String breakGlass = params == null ? null : params.get(SettingsReader.BREAK_GLASS);
    Set<String> users = new HashSet<>();
    for (String user : breakGlass == null ? new String[0] : breakGlass.split(",")) {
      if (!user.isBlank()) {
        users.add(user.trim());
      }
    }
    return new TwoFactorSso(problems, users);
  }

  private static CrowdClientConfig loadCrowdProperties(Optional<String> file, ClassLoader loader) {
    return file.isPresent()
        ? CrowdProperties.load(Path.of(file.get()))
        : CrowdProperties.loadResource(loader, "crowd.properties");
  }

  /** What is wrong with the configuration; empty when the core works. */
  public List<String> configurationProblems() {
    return problems;
  }

  /**
   * The user of this request, or null; may answer an API client with a 401 or a browser with a
   * redirect to the step-up page.
   */
  public Principal getUser(
      HttpServletRequest request, HttpServletResponse response, ProductBridge product) {
    clock.adoptFrom(request.getServletContext());
    HttpSession session = request.getSession(false);
    String token = settings == null ? null : cookie(request, settings.tokenCookie());
    if (session != null) {
      Principal known = fromSession(request, session, token, product);
      if (known != null) {
        return known;
      }
    }
    if (request.getAttribute(REQUEST_REFUSED) instanceof Validation earlier) {
      // Seraph asks several times per request, sometimes without a response (getUser(request));
      // answer once the response is at hand, but never validate twice.
      respond(earlier, request, response);
      return null;
    }
    Validation outcome;
    if (token == null) {
      outcome = validateOrRefuse(request, response, null, product);
    } else {
      // Concurrent requests of one browser must not each call Crowd when the interval ends: the
      // first validates, the others then find its record (one Crowd call per session and interval).
      synchronized (validationLock(token)) {
        HttpSession current = request.getSession(false);
        Principal known = current == null ? null : fromSession(request, current, token, product);
        if (known != null) {
          return known;
        }
        outcome = validateOrRefuse(request, response, token, product);
      }
    }
    if (outcome instanceof Validation.SignedIn signedIn) {
      return signedIn.principal();
    }
    if (outcome == null) {
      return product.basicLogin(request, response);
    }
    request.setAttribute(REQUEST_REFUSED, outcome);
    clearSession(request, product);
    log(outcome, request);
    respond(outcome, request, response);
    return null;
  }

  /** Null means: a break-glass account asks for HTTP Basic, let the product check the password. */
  private Validation validateOrRefuse(
      HttpServletRequest request,
      HttpServletResponse response,
      String token,
      ProductBridge product) {
    String basicUser = basicUsername(request);
    if (basicUser != null && (token == null || settings == null)) {
      if (breakGlassUsers.contains(basicUser)) {
        return null;
      }
      return new Validation.Refused(
          "HTTP Basic with a password is not accepted for '" + basicUser + "'");
    }
    if (settings == null) {
      return new Validation.Unavailable("authenticator misconfigured: " + problems);
    }
    return validation.validate(
        request, response, token, cookie(request, settings.assertionCookie()), product);
  }

  private Principal fromSession(
      HttpServletRequest request, HttpSession session, String token, ProductBridge product) {
    Object record = session.getAttribute(SESSION_RECORD);
    if (record instanceof SessionRecord current
        && token != null
        && token.equals(current.token())
        && isCurrent(current, request)) {
      Principal principal = product.sessionUser(request);
      return principal != null && current.username().equals(principal.getName()) ? principal : null;
    }
    Object breakGlass = session.getAttribute(BREAK_GLASS_USER);
    if (breakGlass instanceof String name && breakGlassUsers.contains(name)) {
      Principal principal = product.sessionUser(request);
      return principal != null && name.equals(principal.getName()) ? principal : null;
    }
    return null;
  }

  private boolean isCurrent(SessionRecord record, HttpServletRequest request) {
    long nowMillis = clock.millis();
    if (nowMillis - record.validatedAtMillis() >= validationIntervalMillis) {
      return false;
    }
    long nowSeconds = nowMillis / 1000;
    if (nowSeconds >= record.expiresAtSeconds()) {
      return false;
    }
    if (record.policyExemption()) {
      return true;
    }
    FreshnessRule rule = policy.cached();
    if (rule == null) {
      return false;
    }
    long age = nowSeconds - record.authTimeSeconds();
    return age <= rule.strictestSeconds()
        || age <= rule.maxAgeSeconds(request.getServletPath(), request.getPathInfo());
  }

  /**
   * Seraph's {@code login(...)}: the product's own password form and Basic. Only break-glass
   * accounts may use a password; everyone else is told where to sign in instead.
   */
  public boolean mayUsePassword(String username, HttpServletRequest request) {
    if (username != null && breakGlassUsers.contains(username)) {
      LOG.log(
          Level.WARNING,
          "Crowd2FA: break-glass password login attempted for ''{0}'' from {1}",
          username,
          request.getRemoteAddr());
      return true;
    }
    LOG.log(
        Level.WARNING,
        "Crowd2FA: password login refused for ''{0}'' from {1}: this product accepts sign-in only"
            + " through two-factor login at {2}",
        username,
        request.getRemoteAddr(),
        loginUrl());
    return false;
  }

  /**
   * A break-glass account's password, checked at Crowd ({@code POST /authentication}).
   *
   * @throws CrowdException when Crowd cannot be asked
   */
  public boolean crowdPasswordValid(String username, String password) {
    if (crowd == null || username == null || password == null || password.isEmpty()) {
      return false;
    }
    return crowd.authenticate(username, new io.crowd2fa.crowd.Password(password)).isOk();
  }

  /** Marks the session of a break-glass account after the product accepted its password. */
  public void passwordLoginSucceeded(HttpServletRequest request, String username) {
    request.getSession().setAttribute(BREAK_GLASS_USER, username);
  }

  /**
   * Seraph's {@code logout(...)}, before the product's own: ends the Crowd session (so every
   * product is signed out) and expires both cookies.
   */
  public void beforeProductLogout(HttpServletRequest request, HttpServletResponse response) {
    if (settings != null) {
      String token = cookie(request, settings.tokenCookie());
      if (token != null && !token.isBlank()) {
        try {
          crowd.invalidateSession(new SsoToken(token));
        } catch (CrowdException e) {
          LOG.log(Level.WARNING, "Crowd2FA: could not end the Crowd session at logout: {0}", e);
        }
      }
      if (response != null) {
        expire(response, settings.tokenCookie());
        expire(response, settings.assertionCookie());
      }
    }
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(SESSION_RECORD);
      session.removeAttribute(BREAK_GLASS_USER);
    }
  }

  private void expire(HttpServletResponse response, String name) {
    response.addCookie(expired(name, null));
    CookieDomain.forServletCookie(settings.crowd().cookieDomain())
        .ifPresent(domain -> response.addCookie(expired(name, domain)));
  }

  private static Cookie expired(String name, String domain) {
    Cookie cookie = new Cookie(name, "");
    cookie.setPath("/");
    cookie.setMaxAge(0);
    cookie.setHttpOnly(true);
    if (domain != null) {
      cookie.setDomain(domain);
    }
    return cookie;
  }

  private void clearSession(HttpServletRequest request, ProductBridge product) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return;
    }
    boolean hadUser =
        session.getAttribute(SESSION_RECORD) != null
            || session.getAttribute(BREAK_GLASS_USER) != null
            || session.getAttribute("seraph_defaultauthenticator_user") != null;
    session.removeAttribute(SESSION_RECORD);
    session.removeAttribute(BREAK_GLASS_USER);
    if (hadUser) {
      product.clearSession(request);
    }
  }

  private void respond(
      Validation outcome, HttpServletRequest request, HttpServletResponse response) {
    if (response == null || response.isCommitted()) {
      return;
    }
    boolean apiClient = apiClients == null || apiClients.isApiClient(request);
    if (outcome instanceof Validation.StepUpNeeded) {
      if (apiClient) {
        Responses.unauthorised(response, "step_up_required", loginUrl(), stepUpUrl());
      } else if (isNavigation(request)) {
        Responses.redirect(response, stepUpUrl(), Responses.originalUrl(request));
      }
    } else if (apiClient) {
      Responses.unauthorised(
          response,
          outcome instanceof Validation.Unavailable
              ? "authentication_unavailable"
              : "authentication_required",
          loginUrl(),
          null);
    }
  }

  private static boolean isNavigation(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
  }

  private void log(Validation outcome, HttpServletRequest request) {
    if (outcome instanceof Validation.NoToken) {
      return;
    }
    Level level = outcome instanceof Validation.Unavailable ? Level.WARNING : Level.INFO;
    LOG.log(
        level,
        "Crowd2FA: request {0} from {1} not signed in: {2}",
        request.getRequestURI(),
        request.getRemoteAddr(),
        outcome);
  }

  private String loginUrl() {
    return settings == null ? "(the Crowd2FA login page)" : settings.loginUrl();
  }

  private String stepUpUrl() {
    return settings == null ? loginUrl() : settings.stepUpUrl();
  }

  private static Object validationLock(String token) {
    int hash = token.hashCode();
    return VALIDATION_LOCKS[(hash ^ (hash >>> 16)) & (VALIDATION_LOCKS.length - 1)];
  }

  private static Object[] newLocks(int count) {
    Object[] locks = new Object[count];
    for (int i = 0; i < count; i++) {
      locks[i] = new Object();
    }
    return locks;
  }

  private static String cookie(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    for (Cookie cookie : cookies) {
      if (name.equals(cookie.getName())) {
        return cookie.getValue();
      }
    }
    return null;
  }

  private static String basicUsername(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()),
              java.nio.charset.StandardCharsets.ISO_8859_1);
      int colon = decoded.indexOf(':');
      return colon < 0 ? decoded : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return "(undecodable)";
    }
  }
}
