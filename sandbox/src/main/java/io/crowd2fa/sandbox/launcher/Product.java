package io.crowd2fa.sandbox.launcher;

import java.util.List;

/** The Crowd applications of the sandbox, with their demo credentials from the stand-in's seed. */
public enum Product {
  SERVICE("crowd2fa", "crowd2fa-secret", "Crowd2FA service", "/crowd", null),
  JIRA(
      "jira",
      "jira-secret",
      "Jira-like sample",
      "/jira",
      "io.crowd2fa.seraph.jira.JiraTwoFactorAuthenticator"),
  CONFLUENCE(
      "confluence",
      "confluence-secret",
      "Confluence-like sample",
      "/confluence",
      "io.crowd2fa.seraph.confluence.ConfluenceTwoFactorAuthenticator");

  public static final List<Product> PRODUCTS = List.of(JIRA, CONFLUENCE);

  private final String application;
  private final String password;
  private final String title;
  private final String contextPath;
  private final String authenticatorClass;

  Product(
      String application,
      String password,
      String title,
      String contextPath,
      String authenticatorClass) {
    this.application = application;
    this.password = password;
    this.title = title;
    this.contextPath = contextPath;
    this.authenticatorClass = authenticatorClass;
  }

  /** The Crowd application name. */
  public String application() {
    return application;
  }

  /** DEMO ONLY: the application password in the stand-in's public seed. */
  String password() {
    return password;
  }

  public String title() {
    return title;
  }

  public String contextPath() {
    return contextPath;
  }

  String authenticatorClass() {
    return authenticatorClass;
  }
}
