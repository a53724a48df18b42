package io.crowd2fa.it.sandbox;

import io.crowd2fa.sandbox.launcher.Product;
import io.crowd2fa.sandbox.launcher.Sandbox;

/** The pages of the sample products the scenarios visit. */
public final class Urls {

  private Urls() {}

  public static String jiraDashboard(Sandbox sandbox) {
    return sandbox.topology().productBaseUrl(Product.JIRA) + "/secure/Dashboard.jspa";
  }

  public static String jiraAdmin(Sandbox sandbox) {
    return sandbox.topology().productBaseUrl(Product.JIRA) + "/secure/admin/ViewUsers.jspa";
  }

  public static String jiraLoginForm(Sandbox sandbox) {
    return sandbox.topology().productBaseUrl(Product.JIRA) + "/login.jsp";
  }

  public static String jiraRest(Sandbox sandbox) {
    return sandbox.topology().productBaseUrl(Product.JIRA) + "/rest/api/2/myself";
  }

  public static String confluenceDashboard(Sandbox sandbox) {
    return sandbox.topology().productBaseUrl(Product.CONFLUENCE) + "/dashboard.action";
  }

  public static String confluenceLogout(Sandbox sandbox) {
    return sandbox.topology().productBaseUrl(Product.CONFLUENCE) + "/logout.action";
  }

  /** The signed-in user's self-service page. */
  public static String account(Sandbox sandbox) {
    return sandbox.topology().serviceBaseUrl() + "/account";
  }

  /** The help desk for Crowd admins. */
  public static String helpDesk(Sandbox sandbox) {
    return sandbox.topology().serviceBaseUrl() + "/admin";
  }

  public static String serviceLogin(Sandbox sandbox) {
    return sandbox.topology().serviceBaseUrl() + "/login";
  }
}
