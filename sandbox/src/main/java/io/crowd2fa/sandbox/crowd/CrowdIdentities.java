package io.crowd2fa.sandbox.crowd;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.crowd2fa.crowd.ErrorReason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The stand-in's directories, users, nested groups and applications, in memory. Thread-safe: users
 * are immutable values replaced atomically; groups and applications are fixed at start. User and
 * group names are case-insensitive, as in Crowd.
 */
public final class CrowdIdentities {

  private final ConcurrentMap<String, StoredUser> users = new ConcurrentHashMap<>();
  private final Map<String, DirectoryGroups> groupsByDirectory;
  private final Map<String, CrowdSeed.Application> applications;

  CrowdIdentities(CrowdSeed seed) {
    Map<String, DirectoryGroups> groups = new LinkedHashMap<>();
    for (CrowdSeed.Directory directory : seed.directories()) {
      for (CrowdSeed.User user : directory.users()) {
        putUser(directory.name(), user);
      }
      groups.put(directory.name(), new DirectoryGroups(directory.groups()));
    }
    this.groupsByDirectory = Map.copyOf(groups);
    Map<String, CrowdSeed.Application> apps = new LinkedHashMap<>();
    for (CrowdSeed.Application application : seed.applications()) {
      apps.put(application.name(), application);
    }
    this.applications = Map.copyOf(apps);
  }

  /** A user as stored; the password is a bcrypt hash and never printed. */
  public record StoredUser(String directory, CrowdSeed.User user) {
    public StoredUser {
      Objects.requireNonNull(directory, "directory");
      Objects.requireNonNull(user, "user");
    }

    public String name() {
      return user.name();
    }
  }

  /** Outcome of checking a user's password for an application. */
  public sealed interface Authentication {
    record Authenticated(StoredUser user) implements Authentication {}

    record Refused(ErrorReason reason, String message) implements Authentication {}
  }

  public Optional<CrowdSeed.Application> application(String name) {
    return Optional.ofNullable(applications.get(name));
  }

  /** The user, if it is in one of the application's directories. */
  public Optional<StoredUser> findUser(CrowdSeed.Application application, String name) {
    if (name == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(users.get(key(name)))
        .filter(stored -> application.directories().contains(stored.directory()));
  }

  /**
   * Checks a password in Crowd's order: unknown user, inactive account, wrong password, expired
   * credential.
   */
  public Authentication authenticate(
      CrowdSeed.Application application, String name, String password) {
    Optional<StoredUser> found = findUser(application, name);
    if (found.isEmpty()) {
      return new Authentication.Refused(
          ErrorReason.USER_NOT_FOUND, "User <" + name + "> does not exist");
    }
    CrowdSeed.User user = found.get().user();
    if (!user.active()) {
      return new Authentication.Refused(
          ErrorReason.INACTIVE_ACCOUNT, "Account with name <" + user.name() + "> is inactive");
    }
    if (password == null || !passwordMatches(password, user.passwordBcrypt())) {
      return new Authentication.Refused(
          ErrorReason.INVALID_USER_AUTHENTICATION,
          "Failed to authenticate principal, password was invalid");
    }
    if (user.credentialExpired()) {
      return new Authentication.Refused(
          ErrorReason.EXPIRED_CREDENTIAL, "The credential of <" + user.name() + "> has expired");
    }
    return new Authentication.Authenticated(found.get());
  }

  /** Whether Crowd would let the user authenticate to the application. */
  public boolean mayAccess(CrowdSeed.Application application, StoredUser user) {
    if (!application.directories().contains(user.directory())) {
      return false;
    }
    if (application.allowAllUsers()) {
      return true;
    }
    Set<String> nested = nestedGroups(user);
    return application.allowedGroups().stream()
        .map(CrowdIdentities::key)
        .anyMatch(nested::contains);
  }

  /** Names of the groups the user is a direct member of, sorted. */
  public List<String> directGroupNames(StoredUser user) {
    return List.copyOf(new TreeSet<>(groupsOf(user).directGroupNames(key(user.name()))));
  }

  /** Names of the groups the user is in directly or through nested groups, sorted. */
  public List<String> nestedGroupNames(StoredUser user) {
    DirectoryGroups groups = groupsOf(user);
    TreeSet<String> names = new TreeSet<>();
    for (String group : nestedGroups(user)) {
      names.add(groups.displayName(group));
    }
    return List.copyOf(names);
  }

  public boolean isDirectMember(StoredUser user, String group) {
    return group != null && groupsOf(user).directGroupKeys(key(user.name())).contains(key(group));
  }

  public boolean isNestedMember(StoredUser user, String group) {
    return group != null && nestedGroups(user).contains(key(group));
  }

  /** Adds or replaces a user (tests and the launcher). */
  public void putUser(String directory, CrowdSeed.User user) {
    users.put(key(user.name()), new StoredUser(directory, user));
  }

  /** Activates or deactivates a user. */
  public void setActive(String name, boolean active) {
    update(name, user -> withFlags(user, active, user.credentialExpired()));
  }

  /** Marks a user's password as expired (Crowd answers {@code EXPIRED_CREDENTIAL}). */
  public void setCredentialExpired(String name, boolean expired) {
    update(name, user -> withFlags(user, user.active(), expired));
  }

  private void update(String name, java.util.function.UnaryOperator<CrowdSeed.User> change) {
    StoredUser updated =
        users.computeIfPresent(
            key(name),
            (k, stored) -> new StoredUser(stored.directory(), change.apply(stored.user())));
    if (updated == null) {
      throw new IllegalArgumentException("no such user: " + name);
    }
  }

  private static CrowdSeed.User withFlags(CrowdSeed.User user, boolean active, boolean expired) {
    return new CrowdSeed.User(
        user.name(),
        user.firstName(),
        user.lastName(),
        user.displayName(),
        user.email(),
        active,
        expired,
        user.passwordBcrypt());
  }

  private Set<String> nestedGroups(StoredUser user) {
    return groupsOf(user).nestedGroupKeys(key(user.name()));
  }

  private DirectoryGroups groupsOf(StoredUser user) {
    return groupsByDirectory.getOrDefault(user.directory(), DirectoryGroups.EMPTY);
  }

  private static boolean passwordMatches(String password, String bcryptHash) {
    return BCrypt.verifyer()
        .verify(
            password.getBytes(StandardCharsets.UTF_8), bcryptHash.getBytes(StandardCharsets.UTF_8))
        .verified;
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** One directory's groups, with the parent relation that nesting implies. */
  private static final class DirectoryGroups {
    static final DirectoryGroups EMPTY = new DirectoryGroups(List.of());

    private final Map<String, String> displayNames = new LinkedHashMap<>();
    private final Map<String, Set<String>> directMembers = new LinkedHashMap<>();
    private final Map<String, Set<String>> parents = new LinkedHashMap<>();

    DirectoryGroups(List<CrowdSeed.Group> groups) {
      for (CrowdSeed.Group group : groups) {
        String groupKey = key(group.name());
        displayNames.put(groupKey, group.name());
        Set<String> members = new LinkedHashSet<>();
        group.users().forEach(user -> members.add(key(user)));
        directMembers.put(groupKey, Set.copyOf(members));
        for (String child : group.childGroups()) {
          parents.computeIfAbsent(key(child), c -> new LinkedHashSet<>()).add(groupKey);
        }
      }
    }

    String displayName(String groupKey) {
      return displayNames.getOrDefault(groupKey, groupKey);
    }

    Set<String> directGroupKeys(String userKey) {
      Set<String> keys = new LinkedHashSet<>();
      directMembers.forEach(
          (group, members) -> {
            if (members.contains(userKey)) {
              keys.add(group);
            }
          });
      return keys;
    }

    Set<String> directGroupNames(String userKey) {
      Set<String> names = new LinkedHashSet<>();
      directGroupKeys(userKey).forEach(group -> names.add(displayName(group)));
      return names;
    }

    /** Direct groups plus every ancestor; cycles in the seed are tolerated. */
    Set<String> nestedGroupKeys(String userKey) {
      Set<String> result = new LinkedHashSet<>();
      Deque<String> pending = new ArrayDeque<>(directGroupKeys(userKey));
      while (!pending.isEmpty()) {
        String group = pending.pop();
        if (result.add(group)) {
          pending.addAll(parents.getOrDefault(group, Set.of()));
        }
      }
      return result;
    }
  }
}
