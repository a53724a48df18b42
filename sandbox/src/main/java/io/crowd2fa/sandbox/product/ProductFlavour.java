package io.crowd2fa.sandbox.product;

import java.util.Set;

/** The two sample products: where their pages live and who may use them. */
public enum ProductFlavour {
  JIRA_LIKE(
      "jira",
      "/jira",
      "/secure/Dashboard.jspa",
      "/secure/admin/ViewUsers.jspa",
      "/rest/api/2/myself",
      "/login.jsp",
      "/logout",
      "/static",
      Set.of("/secure/*", "/rest/api/*"),
      Set.of("/secure/admin/*"),
      Set.of("jira-software-users")),
  CONFLUENCE_LIKE(
      "confluence",
      "/confluence",
      "/dashboard.action",
      "/admin/console.action",
      "/rest/api/user/current",
      "/login.action",
      "/logout.action",
      "/s",
      Set.of("/dashboard.action", "/display/*", "/rest/api/*"),
      Set.of("/admin/*"),
      Set.of("confluence-users", "external"));

  private final String application;
  private final String contextPath;
  private final String userPage;
  private final String adminPage;
  private final String restEndpoint;
  private final String loginPage;
  private final String logoutPath;
  private final String staticPrefix;
  private final Set<String> userPaths;
  private final Set<String> adminPaths;
  private final Set<String> loginGroups;

  ProductFlavour(
      String application,
      String contextPath,
      String userPage,
      String adminPage,
      String restEndpoint,
      String loginPage,
      String logoutPath,
      String staticPrefix,
      Set<String> userPaths,
      Set<String> adminPaths,
      Set<String> loginGroups) {
    this.application = application;
    this.contextPath = contextPath;
    this.userPage = userPage;
    this.adminPage = adminPage;
    this.restEndpoint = restEndpoint;
    this.loginPage = loginPage;
    this.logoutPath = logoutPath;
    this.staticPrefix = staticPrefix;
    this.userPaths = userPaths;
    this.adminPaths = adminPaths;
    this.loginGroups = loginGroups;
  }

  /** The Crowd application name ({@code application.name} in its crowd.properties). */
  public String application() {
    return application;
  }

  public String contextPath() {
    return contextPath;
  }

  /** A page that shows the signed-in user ({@code use} role). */
  public String userPage() {
    return userPage;
  }

  /** An admin page ({@code admin} role); the central policy gives it a stricter freshness. */
  public String adminPage() {
    return adminPage;
  }

  /** A REST endpoint answering JSON about the signed-in user. */
  public String restEndpoint() {
    return restEndpoint;
  }

  /** The product's own login form (fields {@code os_username}, {@code os_password}). */
  public String loginPage() {
    return loginPage;
  }

  /** Seraph's LogoutServlet. */
  public String logoutPath() {
    return logoutPath;
  }

  /** Unprotected static resources live under this prefix. */
  public String staticPrefix() {
    return staticPrefix;
  }

  Set<String> userPaths() {
    return userPaths;
  }

  Set<String> adminPaths() {
    return adminPaths;
  }

  Set<String> loginGroups() {
    return loginGroups;
  }
}
