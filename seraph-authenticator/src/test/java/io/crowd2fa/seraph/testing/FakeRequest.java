package io.crowd2fa.seraph.testing;

import java.io.*;
import java.security.Principal;
import java.util.*;
import javax.servlet.*;
import javax.servlet.http.*;

/** A request with just enough state for authenticator tests and benchmarks; no I/O. */
@SuppressWarnings("deprecation")
public class FakeRequest implements HttpServletRequest {
  public final Map<String, Object> attributes = new HashMap<>();
  public final Map<String, String> headers = new HashMap<>();
  public final Map<String, String> parameters = new HashMap<>();
  public Cookie[] cookies;
  public FakeSession session;
  public String method = "GET";
  public String contextPath = "/jira";
  public String servletPath = "/secure/Dashboard.jspa";
  public String pathInfo;
  public String queryString;
  public String remoteAddr = "127.0.0.1";

  public FakeRequest header(String name, String value) {
    headers.put(name.toLowerCase(Locale.ROOT), value);
    return this;
  }

  public FakeRequest cookie(String name, String value) {
    List<Cookie> all = new ArrayList<>(cookies == null ? List.of() : Arrays.asList(cookies));
    all.add(new Cookie(name, value));
    cookies = all.toArray(new Cookie[0]);
    return this;
  }

  public FakeRequest path(String servletPath) {
    this.servletPath = servletPath;
    return this;
  }

  @Override
  public Object getAttribute(String a0) {
    return attributes.get(a0);
  }

  @Override
  public Enumeration<String> getAttributeNames() {
    return Collections.enumeration(attributes.keySet());
  }

  @Override
  public String getCharacterEncoding() {
    throw new UnsupportedOperationException("getCharacterEncoding");
  }

  @Override
  public void setCharacterEncoding(String a0) throws UnsupportedEncodingException {
    throw new UnsupportedOperationException("setCharacterEncoding");
  }

  @Override
  public int getContentLength() {
    throw new UnsupportedOperationException("getContentLength");
  }

  @Override
  public long getContentLengthLong() {
    throw new UnsupportedOperationException("getContentLengthLong");
  }

  @Override
  public String getContentType() {
    throw new UnsupportedOperationException("getContentType");
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    throw new UnsupportedOperationException("getInputStream");
  }

  @Override
  public String getParameter(String a0) {
    return parameters.get(a0);
  }

  @Override
  public Enumeration<String> getParameterNames() {
    throw new UnsupportedOperationException("getParameterNames");
  }

  @Override
  public String[] getParameterValues(String a0) {
    throw new UnsupportedOperationException("getParameterValues");
  }

  @Override
  public Map<String, String[]> getParameterMap() {
    throw new UnsupportedOperationException("getParameterMap");
  }

  @Override
  public String getProtocol() {
    throw new UnsupportedOperationException("getProtocol");
  }

  @Override
  public String getScheme() {
    return "http";
  }

  @Override
  public String getServerName() {
    return "localhost";
  }

  @Override
  public int getServerPort() {
    return 80;
  }

  @Override
  public BufferedReader getReader() throws IOException {
    throw new UnsupportedOperationException("getReader");
  }

  @Override
  public String getRemoteAddr() {
    return remoteAddr;
  }

  @Override
  public String getRemoteHost() {
    throw new UnsupportedOperationException("getRemoteHost");
  }

  @Override
  public void setAttribute(String a0, Object a1) {
    if (a1 == null) {
      attributes.remove(a0);
    } else {
      attributes.put(a0, a1);
    }
  }

  @Override
  public void removeAttribute(String a0) {
    attributes.remove(a0);
  }

  @Override
  public Locale getLocale() {
    throw new UnsupportedOperationException("getLocale");
  }

  @Override
  public Enumeration<Locale> getLocales() {
    throw new UnsupportedOperationException("getLocales");
  }

  @Override
  public boolean isSecure() {
    return false;
  }

  @Override
  public RequestDispatcher getRequestDispatcher(String a0) {
    throw new UnsupportedOperationException("getRequestDispatcher");
  }

  @Override
  public String getRealPath(String a0) {
    throw new UnsupportedOperationException("getRealPath");
  }

  @Override
  public int getRemotePort() {
    throw new UnsupportedOperationException("getRemotePort");
  }

  @Override
  public String getLocalName() {
    throw new UnsupportedOperationException("getLocalName");
  }

  @Override
  public String getLocalAddr() {
    throw new UnsupportedOperationException("getLocalAddr");
  }

  @Override
  public int getLocalPort() {
    throw new UnsupportedOperationException("getLocalPort");
  }

  @Override
  public ServletContext getServletContext() {
    return null;
  }

  @Override
  public AsyncContext startAsync() throws IllegalStateException {
    throw new UnsupportedOperationException("startAsync");
  }

  @Override
  public AsyncContext startAsync(ServletRequest a0, ServletResponse a1)
      throws IllegalStateException {
    throw new UnsupportedOperationException("startAsync");
  }

  @Override
  public boolean isAsyncStarted() {
    throw new UnsupportedOperationException("isAsyncStarted");
  }

  @Override
  public boolean isAsyncSupported() {
    throw new UnsupportedOperationException("isAsyncSupported");
  }

  @Override
  public AsyncContext getAsyncContext() {
    throw new UnsupportedOperationException("getAsyncContext");
  }

  @Override
  public DispatcherType getDispatcherType() {
    return DispatcherType.REQUEST;
  }

  @Override
  public String getAuthType() {
    throw new UnsupportedOperationException("getAuthType");
  }

  @Override
  public Cookie[] getCookies() {
    return cookies;
  }

  @Override
  public long getDateHeader(String a0) {
    throw new UnsupportedOperationException("getDateHeader");
  }

  @Override
  public String getHeader(String a0) {
    return headers.get(a0.toLowerCase(Locale.ROOT));
  }

  @Override
  public Enumeration<String> getHeaders(String a0) {
    throw new UnsupportedOperationException("getHeaders");
  }

  @Override
  public Enumeration<String> getHeaderNames() {
    throw new UnsupportedOperationException("getHeaderNames");
  }

  @Override
  public int getIntHeader(String a0) {
    throw new UnsupportedOperationException("getIntHeader");
  }

  @Override
  public String getMethod() {
    return method;
  }

  @Override
  public String getPathInfo() {
    return pathInfo;
  }

  @Override
  public String getPathTranslated() {
    throw new UnsupportedOperationException("getPathTranslated");
  }

  @Override
  public String getContextPath() {
    return contextPath;
  }

  @Override
  public String getQueryString() {
    return queryString;
  }

  @Override
  public String getRemoteUser() {
    throw new UnsupportedOperationException("getRemoteUser");
  }

  @Override
  public boolean isUserInRole(String a0) {
    throw new UnsupportedOperationException("isUserInRole");
  }

  @Override
  public Principal getUserPrincipal() {
    throw new UnsupportedOperationException("getUserPrincipal");
  }

  @Override
  public String getRequestedSessionId() {
    throw new UnsupportedOperationException("getRequestedSessionId");
  }

  @Override
  public String getRequestURI() {
    return contextPath + servletPath + (pathInfo == null ? "" : pathInfo);
  }

  @Override
  public StringBuffer getRequestURL() {
    return new StringBuffer("http://localhost").append(getRequestURI());
  }

  @Override
  public String getServletPath() {
    return servletPath;
  }

  @Override
  public HttpSession getSession(boolean a0) {
    if (session == null && a0) {
      session = new FakeSession();
    }
    return session == null || session.invalidated
        ? (a0 ? (session = new FakeSession()) : null)
        : session;
  }

  @Override
  public HttpSession getSession() {
    return getSession(true);
  }

  @Override
  public String changeSessionId() {
    throw new UnsupportedOperationException("changeSessionId");
  }

  @Override
  public boolean isRequestedSessionIdValid() {
    throw new UnsupportedOperationException("isRequestedSessionIdValid");
  }

  @Override
  public boolean isRequestedSessionIdFromCookie() {
    throw new UnsupportedOperationException("isRequestedSessionIdFromCookie");
  }

  @Override
  public boolean isRequestedSessionIdFromURL() {
    throw new UnsupportedOperationException("isRequestedSessionIdFromURL");
  }

  @Override
  public boolean isRequestedSessionIdFromUrl() {
    throw new UnsupportedOperationException("isRequestedSessionIdFromUrl");
  }

  @Override
  public boolean authenticate(HttpServletResponse a0) throws IOException, ServletException {
    throw new UnsupportedOperationException("authenticate");
  }

  @Override
  public void login(String a0, String a1) throws ServletException {
    throw new UnsupportedOperationException("login");
  }

  @Override
  public void logout() throws ServletException {
    throw new UnsupportedOperationException("logout");
  }

  @Override
  public Collection<Part> getParts() throws IOException, ServletException {
    throw new UnsupportedOperationException("getParts");
  }

  @Override
  public Part getPart(String a0) throws IOException, ServletException {
    throw new UnsupportedOperationException("getPart");
  }

  @Override
  public <T extends javax.servlet.http.HttpUpgradeHandler> T upgrade(Class<T> a0)
      throws IOException, ServletException {
    throw new UnsupportedOperationException("upgrade");
  }
}
