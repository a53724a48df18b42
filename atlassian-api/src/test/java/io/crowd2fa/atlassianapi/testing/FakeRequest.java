package io.crowd2fa.atlassianapi.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.servlet.DispatcherType;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpSession;

/** A request with the parts Seraph reads; anything else it is asked fails the test. */
public final class FakeRequest extends HttpServletRequestWrapper {
  private final Map<String, String> parameters = new HashMap<>();
  private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Map<String, Object> attributes = new HashMap<>();
  private final List<FakeSession> sessions = new ArrayList<>();
  private String queryString;
  private DispatcherType dispatcherType = DispatcherType.REQUEST;

  public FakeRequest() {
    super(Unsupported.of(HttpServletRequest.class));
  }

  /** Sets a query-string parameter (both {@code getParameter} and {@code getQueryString}). */
  public FakeRequest query(String name, String value) {
    parameters.put(name, value);
    String pair = name + "=" + value;
    queryString = queryString == null ? pair : queryString + "&" + pair;
    return this;
  }

  public FakeRequest header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public FakeRequest dispatcherType(DispatcherType type) {
    this.dispatcherType = type;
    return this;
  }

  /** Starts the request with an existing session. */
  public FakeSession withSession() {
    return newSession();
  }

  /** The current session, or {@code null}. */
  public FakeSession session() {
    FakeSession current = sessions.isEmpty() ? null : sessions.get(sessions.size() - 1);
    return current == null || current.invalidated() ? null : current;
  }

  /** Every session this request has had, oldest first. */
  public List<FakeSession> sessionHistory() {
    return List.copyOf(sessions);
  }

  public Map<String, Object> attributes() {
    return Map.copyOf(attributes);
  }

  @Override
  public String getParameter(String name) {
    return parameters.get(name);
  }

  @Override
  public String[] getParameterValues(String name) {
    String value = parameters.get(name);
    return value == null ? null : new String[] {value};
  }

  @Override
  public String getQueryString() {
    return queryString;
  }

  @Override
  public String getHeader(String name) {
    return headers.get(name);
  }

  @Override
  public Object getAttribute(String name) {
    return attributes.get(name);
  }

  @Override
  public void setAttribute(String name, Object value) {
    if (value == null) {
      attributes.remove(name);
    } else {
      attributes.put(name, value);
    }
  }

  @Override
  public void removeAttribute(String name) {
    attributes.remove(name);
  }

  @Override
  public DispatcherType getDispatcherType() {
    return dispatcherType;
  }

  @Override
  public HttpSession getSession() {
    return getSession(true);
  }

  @Override
  public HttpSession getSession(boolean create) {
    FakeSession current = session();
    if (current == null && create) {
      current = newSession();
    }
    return current == null ? null : current.asHttpSession();
  }

  private FakeSession newSession() {
    FakeSession session = new FakeSession("session-" + (sessions.size() + 1));
    sessions.add(session);
    return session;
  }
}
