package io.crowd2fa.sandbox.crowd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crowd2fa.crowd.ErrorReason;
import io.crowd2fa.crowd.ValidationFactor;
import io.crowd2fa.sandbox.crowd.CrowdIdentities.StoredUser;
import io.crowd2fa.sandbox.crowd.StandInSessions.StandInSession;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Crowd's REST API {@code usermanagement/1} as far as Crowd2FA uses it, with Crowd's JSON names,
 * status codes and error reasons. Mapped at {@code /rest/usermanagement/1/*} (and {@code latest}).
 */
final class CrowdRestServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final String JSON = "application/json";
  private static final String SESSION_PREFIX = "/session/";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * Real Crowd's REST filter sets this on every answer, before the application is authenticated,
   * and Atlassian's client refuses an answer without it; the value is "display name/version".
   */
  static final String VERSION_HEADER = "X-Embedded-Crowd-Version";

  static final String VERSION = "Crowd2FA sandbox stand-in/1";

  private final transient CrowdIdentities identities;
  private final transient StandInSessions sessions;
  private final transient ApplicationAuthenticator applications;
  private final transient CrowdSeed.Cookie cookie;
  private final transient AtomicReference<Stall> stall;

  CrowdRestServlet(
      CrowdIdentities identities,
      StandInSessions sessions,
      CrowdSeed.Cookie cookie,
      AtomicReference<Stall> stall) {
    this.identities = identities;
    this.sessions = sessions;
    this.applications = new ApplicationAuthenticator(identities);
    this.cookie = cookie;
    this.stall = stall;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    holdWhileStalled();
    response.setHeader(VERSION_HEADER, VERSION);
    Optional<CrowdSeed.Application> application =
        applications.authenticate(request.getHeader("Authorization"));
    if (application.isEmpty()) {
      response.setHeader("WWW-Authenticate", "BASIC realm=\"Crowd REST Service\"");
      text(response, 401, "Application failed to authenticate");
      return;
    }
    CrowdSeed.Application app = application.get();
    if (!app.remoteAddresses().isEmpty()
        && !app.remoteAddresses().contains(request.getRemoteAddr())) {
      text(
          response,
          403,
          "Client with address \""
              + request.getRemoteAddr()
              + "\" is forbidden from making requests to the application, "
              + app.name()
              + ".");
      return;
    }
    new Exchange(app, request, response).route();
  }

  private void holdWhileStalled() throws IOException {
    Stall current = stall.get();
    if (current == null) {
      return;
    }
    try {
      current.hold();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stalled", e);
    }
  }

  /** One request, authenticated as {@code app}. */
  private final class Exchange {
    private final CrowdSeed.Application app;
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final String path;
    private final String method;

    Exchange(CrowdSeed.Application app, HttpServletRequest request, HttpServletResponse response) {
      this.app = app;
      this.request = request;
      this.response = response;
      this.path = request.getPathInfo() == null ? "/" : request.getPathInfo();
      this.method = request.getMethod();
    }

    void route() throws IOException {
      if (path.startsWith(SESSION_PREFIX) && path.length() > SESSION_PREFIX.length()) {
        String token = path.substring(SESSION_PREFIX.length());
        switch (method) {
          case "POST" -> validateSession(token);
          case "GET" -> getSession(token);
          case "DELETE" -> deleteSession(token);
          default -> methodNotAllowed();
        }
        return;
      }
      switch (path) {
        case "/authentication" -> only("POST", this::authenticate);
        case "/session" -> {
          switch (method) {
            case "POST" -> createSession();
            case "DELETE" -> deleteUserSessions();
            default -> methodNotAllowed();
          }
        }
        case "/user" -> only("GET", this::getUser);
        case "/user/group/direct" -> only("GET", () -> groups(false));
        case "/user/group/nested" -> only("GET", () -> groups(true));
        case "/group/user/direct" -> only("GET", () -> membership(false));
        case "/group/user/nested" -> only("GET", () -> membership(true));
        case "/config/cookie" -> only("GET", this::cookieConfiguration);
        default -> response.sendError(404);
      }
    }

    /** {@code POST /authentication?username=} with {@code {"value":"<password>"}}. */
    private void authenticate() throws IOException {
      String username = request.getParameter("username");
      Optional<JsonNode> body = jsonBody();
      if (body.isEmpty()) {
        return;
      }
      if (username == null || username.isEmpty()) {
        error(400, ErrorReason.ILLEGAL_ARGUMENT, "username is required");
        return;
      }
      String password = body.get().path("value").asText(null);
      CrowdIdentities.Authentication outcome = identities.authenticate(app, username, password);
      if (outcome instanceof CrowdIdentities.Authentication.Authenticated ok) {
        json(200, fullUser(ok.user()));
      } else if (outcome instanceof CrowdIdentities.Authentication.Refused refused) {
        error(400, refused.reason(), refused.message());
      }
    }

    /** {@code POST /session[?validate-password=][&duration=]} with an authentication context. */
    private void createSession() throws IOException {
      Optional<JsonNode> body = jsonBody();
      if (body.isEmpty()) {
        return;
      }
      String username = firstText(body.get(), "username", "userName", "name");
      if (username == null) {
        error(400, ErrorReason.ILLEGAL_ARGUMENT, "username is required");
        return;
      }
      Optional<Duration> duration = durationParameter();
      if (duration == null) {
        return;
      }
      Optional<StoredUser> user = userForSession(username, body.get());
      if (user.isEmpty()) {
        return;
      }
      List<ValidationFactor> factors = validationFactors(body.get().path("validation-factors"));
      StandInSession session = sessions.create(user.get().name(), factors, duration);
      response.setHeader("Location", restBase() + SESSION_PREFIX + session.token());
      json(201, session(session, user.get(), expandsUser()));
    }

    /** Checks the password (unless {@code validate-password=false}), activity and app access. */
    private Optional<StoredUser> userForSession(String username, JsonNode body) throws IOException {
      boolean validatePassword =
          !"false".equalsIgnoreCase(request.getParameter("validate-password"));
      Optional<StoredUser> user;
      if (validatePassword) {
        CrowdIdentities.Authentication outcome =
            identities.authenticate(app, username, passwordOf(body));
        if (outcome instanceof CrowdIdentities.Authentication.Refused refused) {
          refuseSession(username, refused.reason(), refused.message());
          return Optional.empty();
        }
        user = Optional.of(((CrowdIdentities.Authentication.Authenticated) outcome).user());
      } else {
        user = identities.findUser(app, username);
        if (user.isEmpty()) {
          refuseSession(username, ErrorReason.USER_NOT_FOUND, "");
          return Optional.empty();
        }
        if (!user.get().user().active()) {
          refuseSession(
              username,
              ErrorReason.INACTIVE_ACCOUNT,
              "Account with name <" + username + "> is inactive");
          return Optional.empty();
        }
      }
      if (!identities.mayAccess(app, user.get())) {
        error(
            403,
            ErrorReason.APPLICATION_ACCESS_DENIED,
            "User <" + username + "> does not have access to application <" + app.name() + ">");
        return Optional.empty();
      }
      return user;
    }

    /** Crowd does not tell a session caller whether the user exists. */
    private void refuseSession(String username, ErrorReason reason, String message)
        throws IOException {
      if (reason == ErrorReason.USER_NOT_FOUND) {
        error(
            400,
            ErrorReason.INVALID_USER_AUTHENTICATION,
            "Account with name <" + username + "> failed to authenticate: User does not exist");
      } else {
        error(400, reason, message);
      }
    }

    /** {@code POST /session/{token}} with validation factors: validates and extends. */
    private void validateSession(String token) throws IOException {
      Optional<JsonNode> body = jsonBody();
      if (body.isEmpty()) {
        return;
      }
      Optional<StandInSession> session = sessions.validate(token, validationFactors(body.get()));
      Optional<StoredUser> user = session.flatMap(s -> identities.findUser(app, s.username()));
      if (session.isEmpty() || user.isEmpty() || !user.get().user().active()) {
        invalidToken();
        return;
      }
      if (!identities.mayAccess(app, user.get())) {
        error(
            403,
            ErrorReason.APPLICATION_ACCESS_DENIED,
            "User <"
                + user.get().name()
                + "> does not have access to application <"
                + app.name()
                + ">");
        return;
      }
      json(200, session(session.get(), user.get(), expandsUser()));
    }

    /**
     * {@code GET /session/{token}}. Crowd answers an unknown token here with its generic mapping of
     * {@code InvalidTokenException}, 400, where {@code POST /session/{token}} answers 404.
     */
    private void getSession(String token) throws IOException {
      Optional<StandInSession> session = sessions.find(token);
      Optional<StoredUser> user = session.flatMap(s -> identities.findUser(app, s.username()));
      if (session.isEmpty() || user.isEmpty()) {
        error(400, ErrorReason.INVALID_SSO_TOKEN, "Token does not exist or has expired");
        return;
      }
      json(200, session(session.get(), user.get(), expandsUser()));
    }

    private void deleteSession(String token) {
      sessions.invalidate(token);
      response.setStatus(204);
    }

    /** {@code DELETE /session?username=[&exclude=]}; a user unknown to the application is 404. */
    private void deleteUserSessions() throws IOException {
      String username = request.getParameter("username");
      if (username == null || username.isEmpty()) {
        error(400, ErrorReason.ILLEGAL_ARGUMENT, "username is required");
        return;
      }
      if (requestedUser().isEmpty()) {
        return;
      }
      sessions.invalidateUser(username, request.getParameter("exclude"));
      response.setStatus(204);
    }

    private void getUser() throws IOException {
      Optional<StoredUser> user = requestedUser();
      if (user.isPresent()) {
        json(200, fullUser(user.get()));
      }
    }

    private void groups(boolean nested) throws IOException {
      Optional<StoredUser> user = requestedUser();
      if (user.isEmpty()) {
        return;
      }
      List<String> names =
          nested
              ? identities.nestedGroupNames(user.get())
              : identities.directGroupNames(user.get());
      Integer start = intParameter("start-index", 0);
      if (start == null) {
        return;
      }
      Integer max = intParameter("max-results", 1000);
      if (max == null) {
        return;
      }
      List<Map<String, Object>> groups = new ArrayList<>();
      names.stream().skip(start).limit(max).forEach(name -> groups.add(groupEntity(name)));
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("expand", "group");
      body.put("groups", groups);
      json(200, body);
    }

    /** {@code GET /group/user/{direct,nested}?groupname=&username=}: 200 if member, else 404. */
    private void membership(boolean nested) throws IOException {
      Optional<StoredUser> user = requestedUser();
      if (user.isEmpty()) {
        return;
      }
      String group = request.getParameter("groupname");
      boolean member =
          nested
              ? identities.isNestedMember(user.get(), group)
              : identities.isDirectMember(user.get(), group);
      if (member) {
        json(200, minimalUser(user.get()));
      } else {
        error(
            404,
            ErrorReason.MEMBERSHIP_NOT_FOUND,
            "The child entity <"
                + user.get().name()
                + "> is not a member of the parent <"
                + group
                + ">");
      }
    }

    private void cookieConfiguration() throws IOException {
      Map<String, Object> body = new LinkedHashMap<>();
      if (cookie.domain() != null) {
        body.put("domain", cookie.domain());
      }
      body.put("secure", cookie.secure());
      body.put("name", cookie.name());
      json(200, body);
    }

    private Optional<StoredUser> requestedUser() throws IOException {
      String username = request.getParameter("username");
      Optional<StoredUser> user = identities.findUser(app, username);
      if (user.isEmpty()) {
        error(404, ErrorReason.USER_NOT_FOUND, "User <" + username + "> does not exist");
      }
      return user;
    }

    /** {@code POST /session/{token}}: Crowd maps a token not found or expired to 404. */
    private void invalidToken() throws IOException {
      error(404, ErrorReason.INVALID_SSO_TOKEN, "Token does not exist or has expired");
    }

    private boolean expandsUser() {
      String[] expand = request.getParameterValues("expand");
      if (expand == null) {
        return false;
      }
      for (String value : expand) {
        for (String part : value.split(",")) {
          if (part.trim().equals("user")) {
            return true;
          }
        }
      }
      return false;
    }

    /** {@code duration} in seconds; empty when absent; {@code null} after answering 400. */
    private Optional<Duration> durationParameter() throws IOException {
      String duration = request.getParameter("duration");
      if (duration == null || duration.isEmpty()) {
        return Optional.empty();
      }
      try {
        long seconds = Long.parseLong(duration);
        if (seconds > 0) {
          return Optional.of(Duration.ofSeconds(seconds));
        }
      } catch (NumberFormatException notANumber) {
        error(400, ErrorReason.ILLEGAL_ARGUMENT, "duration must be a number of seconds");
        return null;
      }
      error(400, ErrorReason.ILLEGAL_ARGUMENT, "duration must be positive");
      return null;
    }

    /** A non-negative integer parameter; {@code null} after answering 400 when malformed. */
    private Integer intParameter(String name, int defaultValue) throws IOException {
      String value = request.getParameter(name);
      if (value == null) {
        return defaultValue;
      }
      try {
        int parsed = Integer.parseInt(value);
        if (parsed >= 0) {
          return parsed;
        }
      } catch (NumberFormatException notANumber) {
        error(400, ErrorReason.ILLEGAL_ARGUMENT, name + " must be a number");
        return null;
      }
      error(400, ErrorReason.ILLEGAL_ARGUMENT, name + " must not be negative");
      return null;
    }

    /** The JSON body, or empty after answering 415 (not JSON) or 400 (unreadable). */
    private Optional<JsonNode> jsonBody() throws IOException {
      String contentType = request.getContentType();
      if (contentType == null || !contentType.toLowerCase().startsWith(JSON)) {
        response.sendError(415);
        return Optional.empty();
      }
      try {
        JsonNode body = MAPPER.readTree(request.getInputStream());
        if (body == null || !body.isObject() && !body.isArray()) {
          error(400, ErrorReason.ILLEGAL_ARGUMENT, "a JSON entity is required");
          return Optional.empty();
        }
        return Optional.of(body);
      } catch (JsonProcessingException malformed) {
        error(400, ErrorReason.ILLEGAL_ARGUMENT, "the entity is not valid JSON");
        return Optional.empty();
      }
    }

    private void only(String allowed, Handler handler) throws IOException {
      if (method.equals(allowed)) {
        handler.handle();
      } else {
        methodNotAllowed();
      }
    }

    private void methodNotAllowed() throws IOException {
      response.sendError(405);
    }

    private Map<String, Object> session(StandInSession session, StoredUser user, boolean expand) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("expand", "user");
      body.put("link", link(restBase() + SESSION_PREFIX + session.token(), "self"));
      body.put("token", session.token());
      body.put("user", expand ? fullUser(user) : minimalUser(user));
      body.put("created-date", session.createdDate().toEpochMilli());
      body.put("expiry-date", session.expiryDate().toEpochMilli());
      return body;
    }

    private Map<String, Object> minimalUser(StoredUser user) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("link", link(restBase() + "/user?username=" + user.name(), "self"));
      body.put("name", user.name());
      return body;
    }

    private Map<String, Object> fullUser(StoredUser stored) {
      CrowdSeed.User user = stored.user();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("expand", "attributes");
      body.put("link", link(restBase() + "/user?username=" + user.name(), "self"));
      body.put("name", user.name());
      body.put("first-name", nullToEmpty(user.firstName()));
      body.put("last-name", nullToEmpty(user.lastName()));
      body.put("display-name", nullToEmpty(user.displayName()));
      body.put("email", nullToEmpty(user.email()));
      body.put(
          "password",
          Map.of("link", link(restBase() + "/user/password?username=" + user.name(), "edit")));
      body.put("active", user.active());
      return body;
    }

    private Map<String, Object> groupEntity(String name) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("link", link(restBase() + "/group?groupname=" + name, "self"));
      body.put("name", name);
      return body;
    }

    private String restBase() {
      return request.getScheme()
          + "://"
          + request.getServerName()
          + ":"
          + request.getServerPort()
          + request.getContextPath()
          + request.getServletPath();
    }

    private void error(int status, ErrorReason reason, String message) throws IOException {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("reason", reason.name());
      body.put("message", message);
      json(status, body);
    }

    private void json(int status, Object body) throws IOException {
      byte[] bytes = MAPPER.writeValueAsBytes(body);
      response.setStatus(status);
      response.setContentType(JSON);
      response.setContentLength(bytes.length);
      response.getOutputStream().write(bytes);
    }
  }

  private static void text(HttpServletResponse response, int status, String message)
      throws IOException {
    byte[] bytes = message.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("text/plain;charset=UTF-8");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  @FunctionalInterface
  private interface Handler {
    void handle() throws IOException;
  }

  /** The password of an authentication context: a string, or Crowd's {@code {"value":…}}. */
  private static String passwordOf(JsonNode body) {
    JsonNode password = body.path("password");
    if (password.isObject()) {
      return password.path("value").asText(null);
    }
    return password.isTextual() ? password.asText() : null;
  }

  private static String firstText(JsonNode body, String... names) {
    for (String name : names) {
      JsonNode value = body.path(name);
      if (value.isTextual() && !value.asText().isEmpty()) {
        return value.asText();
      }
    }
    return null;
  }

  /**
   * Factors in the guide's form {@code {"validationFactors":[…]}}, the OpenAPI page's {@code
   * {"validation-factor":[…]}}, or a bare array.
   */
  static List<ValidationFactor> validationFactors(JsonNode node) {
    JsonNode list = node;
    if (node.has("validationFactors")) {
      list = node.get("validationFactors");
    } else if (node.has("validation-factor")) {
      list = node.get("validation-factor");
    }
    List<ValidationFactor> factors = new ArrayList<>();
    if (list.isArray()) {
      for (JsonNode factor : list) {
        String name = factor.path("name").asText(null);
        String value = factor.path("value").asText(null);
        if (name != null && value != null) {
          factors.add(new ValidationFactor(name, value));
        }
      }
    }
    return factors;
  }

  private static Map<String, Object> link(String href, String rel) {
    Map<String, Object> link = new LinkedHashMap<>();
    link.put("href", href);
    link.put("rel", rel);
    return link;
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
