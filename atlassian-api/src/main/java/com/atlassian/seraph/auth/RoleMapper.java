package com.atlassian.seraph.auth;

import com.atlassian.seraph.Initable;
import java.security.Principal;
import javax.servlet.http.HttpServletRequest;

/** Seraph 4.1.4: decides whether a user may log in to the product at all, and role membership. */
public interface RoleMapper extends Initable {
  boolean hasRole(Principal user, HttpServletRequest request, String role);

  boolean canLogin(Principal user, HttpServletRequest request);
}
