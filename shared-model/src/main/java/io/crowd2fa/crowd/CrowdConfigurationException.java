package io.crowd2fa.crowd;

/** A {@code crowd.properties} key is missing or malformed; the message names the key and file. */
public final class CrowdConfigurationException extends CrowdException {

  private final String key;
  private final String source;

  /**
   * @param key the offending key, or {@code null} when the file itself could not be read
   * @param source the file (or resource) the properties came from
   * @param problem what is wrong, never quoting a secret value
   */
  public CrowdConfigurationException(String key, String source, String problem) {
    super(
        key == null
            ? "crowd.properties " + source + ": " + problem
            : "crowd.properties key '" + key + "' in " + source + ": " + problem);
    this.key = key;
    this.source = source;
  }

  public CrowdConfigurationException(String key, String source, String problem, Throwable cause) {
    super("crowd.properties key '" + key + "' in " + source + ": " + problem, cause);
    this.key = key;
    this.source = source;
  }

  public CrowdConfigurationException(String source, String problem, Throwable cause) {
    super("crowd.properties " + source + ": " + problem, cause);
    this.key = null;
    this.source = source;
  }

  /** The offending key, or {@code null} when the whole file was at fault. */
  public String key() {
    return key;
  }

  public String source() {
    return source;
  }
}
