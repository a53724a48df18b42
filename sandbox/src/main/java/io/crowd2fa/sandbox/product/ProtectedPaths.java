package io.crowd2fa.sandbox.product;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;

/**
 * Seraph's {@code PathService}: which roles a path needs. Matching uses the container-normalised
 * servlet path plus path info, as Seraph does, never the raw request URI, so {@code ;}, {@code
 * ..;/} and encoded tricks are resolved by Tomcat before the check, exactly as for the servlet
 * mapping.
 */
final class ProtectedPaths {

  private final ProductFlavour flavour;

  ProtectedPaths(ProductFlavour flavour) {
    this.flavour = flavour;
  }

  /** The roles this request needs; empty when it is not protected. */
  List<String> requiredRoles(HttpServletRequest request) {
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    List<String> roles = new ArrayList<>();
    if (matchesAny(flavour.userPaths(), path)) {
      roles.add(HarnessRoleMapper.USE);
    }
    if (matchesAny(flavour.adminPaths(), path)) {
      roles.add(HarnessRoleMapper.ADMIN);
    }
    return roles;
  }

  private static boolean matchesAny(Set<String> patterns, String path) {
    for (String pattern : patterns) {
      if (pattern.endsWith("/*")
          ? path.startsWith(pattern.substring(0, pattern.length() - 1))
              || path.equals(pattern.substring(0, pattern.length() - 2))
          : path.equals(pattern)) {
        return true;
      }
    }
    return false;
  }
}
