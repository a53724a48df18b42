package io.crowd2fa.seraph.sso;

import java.security.Principal;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The product authenticator's own behaviour that the SSO core builds on, so the product keeps its
 * principal types, role mapping, login events and session handling. Each per-product authenticator
 * implements it by calling its superclass.
 */
public interface ProductBridge {

  /** The product's own session lookup ({@code getUserFromSession}); null when nobody is in it. */
  Principal sessionUser(HttpServletRequest request);

  /** The product's user of that name ({@code getUser(String)}); null when the product lacks it. */
  Principal findUser(String username);

  /** The product's {@code authoriseUserAndEstablishSession}: role check, session, events. */
  boolean establishSession(
      HttpServletRequest request, HttpServletResponse response, Principal principal);

  /** The product's {@code removePrincipalFromSessionContext}. */
  void clearSession(HttpServletRequest request);

  /** The product's HTTP Basic login, used only for break-glass accounts. */
  Principal basicLogin(HttpServletRequest request, HttpServletResponse response);
}
