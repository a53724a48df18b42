package io.crowd2fa.sandbox.product;

import io.crowd2fa.atlassianapi.harness.ProductUserDirectory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A sample product's users and which groups may log in or administer it. */
public final class ProductDirectory implements ProductUserDirectory {

  private final Map<String, SampleUser> users;
  private final Set<String> loginGroups;
  private final Set<String> adminGroups;

  public ProductDirectory(
      Collection<SampleUser> users, Set<String> loginGroups, Set<String> adminGroups) {
    this.users =
        users.stream().collect(Collectors.toUnmodifiableMap(SampleUser::name, Function.identity()));
    this.loginGroups = Set.copyOf(loginGroups);
    this.adminGroups = Set.copyOf(adminGroups);
  }

  @Override
  public Principal findUser(String username) {
    SampleUser user = users.get(username);
    return user == null || !user.active() ? null : new ProductPrincipal(user.name());
  }

  @Override
  public boolean authenticate(String username, String password) {
    SampleUser user = users.get(username);
    return user != null
        && user.active()
        && password != null
        && MessageDigest.isEqual(
            user.password().getBytes(StandardCharsets.UTF_8),
            password.getBytes(StandardCharsets.UTF_8));
  }

  boolean canLogin(String username) {
    SampleUser user = users.get(username);
    return user != null
        && user.active()
        && (user.groups().stream().anyMatch(loginGroups::contains) || isAdmin(username));
  }

  boolean isAdmin(String username) {
    SampleUser user = users.get(username);
    return user != null && user.active() && user.groups().stream().anyMatch(adminGroups::contains);
  }

  /** The product's principal: just the name, as Jira's ApplicationUser is keyed by it here. */
  public record ProductPrincipal(String name) implements Principal, java.io.Serializable {
    @Override
    public String getName() {
      return name;
    }
  }
}
