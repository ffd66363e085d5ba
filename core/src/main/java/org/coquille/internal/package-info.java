/**
 * Coquille's own machinery: page identity, page rules, rendering and the HTTP router. Public only so
 * that core's packages can share it; don't depend on it, it changes without notice.
 */
package org.coquille.internal;
