package io.crowd2fa.sandbox.crowd;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The stand-in's seed: directories with users and (nested) groups, applications, and the SSO cookie
 * configuration. The demo seed is {@value #DEMO_RESOURCE}; its passwords are listed in its {@code
 * documentation} entry and in {@code package-info.java}.
 */
public record CrowdSeed(
    List<String> documentation,
    Cookie cookie,
    List<Directory> directories,
    List<Application> applications) {

  public static final String DEMO_RESOURCE = "crowd-standin/seed.json";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public CrowdSeed {
    documentation = List.copyOf(Objects.requireNonNullElse(documentation, List.of()));
    cookie = Objects.requireNonNullElse(cookie, new Cookie("crowd.token_key", false, null));
    directories = List.copyOf(Objects.requireNonNull(directories, "directories"));
    applications = List.copyOf(Objects.requireNonNull(applications, "applications"));
  }

  /** The demo users and applications of PLAN.md. */
  public static CrowdSeed demo() {
    try (InputStream in = CrowdSeed.class.getClassLoader().getResourceAsStream(DEMO_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(DEMO_RESOURCE + " is missing from the class path");
      }
      return MAPPER.readValue(in, CrowdSeed.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DEMO_RESOURCE, e);
    }
  }

  public static CrowdSeed load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return MAPPER.readValue(in, CrowdSeed.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Crowd stand-in seed " + file, e);
    }
  }

  /** Crowd's SSO cookie configuration; {@code domain} null = host-only cookie. */
  public record Cookie(String name, boolean secure, String domain) {
    public Cookie {
      Objects.requireNonNull(name, "cookie name");
    }
  }

  public record Directory(String name, List<User> users, List<Group> groups) {
    public Directory {
      Objects.requireNonNull(name, "directory name");
      users = List.copyOf(Objects.requireNonNullElse(users, List.of()));
      groups = List.copyOf(Objects.requireNonNullElse(groups, List.of()));
    }
  }

  public record User(
      String name,
      @JsonProperty("first-name") String firstName,
      @JsonProperty("last-name") String lastName,
      @JsonProperty("display-name") String displayName,
      String email,
      boolean active,
      @JsonProperty("credential-expired") boolean credentialExpired,
      @JsonProperty("password-bcrypt") String passwordBcrypt) {
    public User {
      Objects.requireNonNull(name, "user name");
      Objects.requireNonNull(passwordBcrypt, "password-bcrypt of " + name);
    }

    @Override
    public String toString() {
      return "User[" + name + "]";
    }
  }

  public record Group(
      String name, List<String> users, @JsonProperty("child-groups") List<String> childGroups) {
    public Group {
      Objects.requireNonNull(name, "group name");
      users = List.copyOf(Objects.requireNonNullElse(users, List.of()));
      childGroups = List.copyOf(Objects.requireNonNullElse(childGroups, List.of()));
    }
  }

  /**
   * A Crowd application. {@code allowAllUsers} is Crowd's "allow all users to authenticate" for its
   * directories; otherwise only (nested) members of {@code allowedGroups} may. {@code
   * remoteAddresses} empty = any address may call as this application.
   */
  public record Application(
      String name,
      @JsonProperty("password-bcrypt") String passwordBcrypt,
      List<String> directories,
      @JsonProperty("allow-all-users") boolean allowAllUsers,
      @JsonProperty("allowed-groups") List<String> allowedGroups,
      @JsonProperty("remote-addresses") List<String> remoteAddresses) {
    public Application {
      Objects.requireNonNull(name, "application name");
      Objects.requireNonNull(passwordBcrypt, "password-bcrypt of " + name);
      directories = List.copyOf(Objects.requireNonNullElse(directories, List.of()));
      allowedGroups = List.copyOf(Objects.requireNonNullElse(allowedGroups, List.of()));
      remoteAddresses = List.copyOf(Objects.requireNonNullElse(remoteAddresses, List.of()));
    }

    @Override
    public String toString() {
      return "Application[" + name + "]";
    }
  }
}
