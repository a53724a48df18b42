package io.crowd2fa.plugin.policy.persistence;

import java.util.List;

/** The policy's entity classes, for {@code Database.open(settings, EngineEntities.with(ALL))}. */
public final class PolicyEntities {

  public static final List<Class<?>> ALL = List.of(PolicyDocumentEntity.class);

  private PolicyEntities() {}
}
