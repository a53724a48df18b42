package io.crowd2fa.plugin.engine;

import java.util.function.Supplier;

/**
 * Runs work in one database transaction; repository calls made inside join it. The persistence
 * adapter implements it ({@code persistence.Database}); the engine never sees the ORM.
 */
@FunctionalInterface
public interface TransactionRunner {

  <T> T inTransaction(Supplier<T> work);
}
