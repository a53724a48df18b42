package io.crowd2fa.plugin.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the master keys outside the database.
 *
 * <p>Either the environment variable {@value #ENVIRONMENT_VARIABLE} holds them ({@code
 * id:base64key[,id:base64key...]}, newest first), or a key file holds them, one {@code
 * id=base64key} per line, newest first. The key file is created on first start readable and
 * writable by its owner only, and refused later if anybody else may read it.
 */
public final class MasterKeyStore {

  public static final String ENVIRONMENT_VARIABLE = "CROWD2FA_MASTER_KEYS";
  public static final String DEFAULT_FILE_NAME = "crowd2fa-master.keys";

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final SecureRandom random;

  public MasterKeyStore(SecureRandom random) {
    this.random = random;
  }

  /** The environment's keys if it names any, else the key file's (created when missing). */
  public MasterKeyring load(Map<String, String> environment, Path keyFile) {
    String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return parse(fromEnvironment.split(","), ':', "environment variable " + ENVIRONMENT_VARIABLE);
    }
    return loadOrCreateFile(keyFile);
  }

  public MasterKeyring loadOrCreateFile(Path keyFile) {
    try {
      if (Files.notExists(keyFile)) {
        createFile(keyFile, List.of(newKey()));
      }
      requireOwnerOnly(keyFile);
      List<String> lines = Files.readAllLines(keyFile, StandardCharsets.US_ASCII);
      return parse(
          lines.stream()
              .filter(line -> !line.isBlank() && !line.startsWith("#"))
              .toArray(String[]::new),
          '=',
          "key file " + keyFile);
    } catch (IOException e) {
      throw new CryptoFault("cannot read or create master key file " + keyFile, e);
    }
  }

  /**
   * Adds a new current key in front of the file's keys; values sealed with the older keys still
   * open, and {@link SecretBox#reseal} moves them to the new key.
   */
  public MasterKeyring rotate(Path keyFile) {
    MasterKeyring existing = loadOrCreateFile(keyFile);
    MasterKey fresh = newKey();
    if (existing.byId(fresh.id()).isPresent()) {
      throw new CryptoFault("generated key id collides with an existing one; rotate again");
    }
    List<MasterKey> keys = new ArrayList<>();
    keys.add(fresh);
    try {
      for (String line : Files.readAllLines(keyFile, StandardCharsets.US_ASCII)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          keys.add(parseEntry(line, '=', "key file " + keyFile));
        }
      }
      Path temporary = keyFile.resolveSibling(keyFile.getFileName() + ".new");
      Files.deleteIfExists(temporary);
      createFile(temporary, keys);
      Files.move(
          temporary, keyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new CryptoFault("cannot rotate master key file " + keyFile, e);
    }
    return new MasterKeyring(keys);
  }

  public MasterKey newKey() {
    byte[] id = new byte[4];
    byte[] key = new byte[MasterKey.KEY_BYTES];
    random.nextBytes(id);
    random.nextBytes(key);
    return new MasterKey("k" + HexFormat.of().formatHex(id), key);
  }

  private static void createFile(Path keyFile, List<MasterKey> keys) throws IOException {
    Path parent = keyFile.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    FileAttribute<Set<PosixFilePermission>> ownerOnly =
        PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    try {
      Files.createFile(keyFile, ownerOnly);
    } catch (FileAlreadyExistsException raceWithAnotherNode) {
      // Another process created it between our check and now; its key wins, ours is dropped.
      return;
    }
    StringBuilder text = new StringBuilder("# Crowd2FA master keys, newest first. Keep secret.\n");
    for (MasterKey key : keys) {
      text.append(key.id())
          .append('=')
          .append(Base64.getEncoder().encodeToString(key.encoded()))
          .append('\n');
    }
    Files.writeString(keyFile, text, StandardCharsets.US_ASCII);
  }

  private static void requireOwnerOnly(Path keyFile) throws IOException {
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(keyFile);
    for (PosixFilePermission permission : permissions) {
      if (!permission.name().startsWith("OWNER_")) {
        throw new CryptoFault(
            "master key file "
                + keyFile
                + " is accessible by others ("
                + PosixFilePermissions.toString(permissions)
                + "); chmod 600 it");
      }
    }
  }

  private static MasterKeyring parse(String[] entries, char separator, String source) {
    List<MasterKey> keys = new ArrayList<>();
    for (String entry : entries) {
      keys.add(parseEntry(entry, separator, source));
    }
    if (keys.isEmpty()) {
      throw new CryptoFault(source + " holds no master key");
    }
    return new MasterKeyring(keys);
  }

  private static MasterKey parseEntry(String entry, char separator, String source) {
    int split = entry.indexOf(separator);
    if (split < 1) {
      throw new CryptoFault(source + ": expected id" + separator + "base64key");
    }
    try {
      byte[] key = Base64.getDecoder().decode(entry.substring(split + 1).trim());
      return new MasterKey(entry.substring(0, split).trim(), key);
    } catch (IllegalArgumentException e) {
      throw new CryptoFault(source + ": malformed master key entry", e);
    }
  }
}
