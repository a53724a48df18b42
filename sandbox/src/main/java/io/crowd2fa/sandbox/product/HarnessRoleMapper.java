package io.crowd2fa.sandbox.product;

import com.atlassian.seraph.auth.RoleMapper;
import com.atlassian.seraph.config.SecurityConfig;
import com.atlassian.seraph.config.SecurityConfigFactory;
import java.security.Principal;
import java.util.Map;
import javax.servlet.ServletContext;
import javax.servlet.http.HttpServletRequest;

/**
 * Roles from the product directory: {@code use} for anyone who may log in, {@code admin} for the
 * admin groups. Seraph reaches the role mapper through the process-wide {@link
 * SecurityConfigFactory}; with two sample products in one JVM (one Seraph on the shared class path
 * rather than one per web app) the mapper finds the right product through the request's servlet
 * context, where Seraph keeps its configuration ({@code seraph_config}).
 */
final class HarnessRoleMapper implements RoleMapper {

  static final String USE = "use";
  static final String ADMIN = "admin";
  static final HarnessRoleMapper INSTANCE = new HarnessRoleMapper();

  private HarnessRoleMapper() {}

  @Override
  public void init(Map<String, String> params, SecurityConfig config) {}

  @Override
  public boolean hasRole(Principal user, HttpServletRequest request, String role) {
    if (user == null) {
      return false;
    }
    ProductDirectory directory = directory(request);
    return switch (role) {
      case USE -> directory.canLogin(user.getName());
      case ADMIN -> directory.isAdmin(user.getName());
      default -> false;
    };
  }

  @Override
  public boolean canLogin(Principal user, HttpServletRequest request) {
    return user != null && directory(request).canLogin(user.getName());
  }

  private static ProductDirectory directory(HttpServletRequest request) {
    ServletContext context = request.getServletContext();
    Object config =
        context == null
            ? SecurityConfigFactory.getInstance()
            : context.getAttribute(SecurityConfig.STORAGE_KEY);
    if (config instanceof HarnessSecurityConfig harness) {
      return harness.productUserDirectory();
    }
    throw new ProductHarnessException("no harness SecurityConfig for this request");
  }
}
