/**
 * Harness-only hooks that stand in for the products' component containers. Not Atlassian API, not
 * part of the signature comparison, never shipped.
 */
package io.crowd2fa.atlassianapi.harness;
