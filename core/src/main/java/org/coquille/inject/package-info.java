/**
 * Puts rendered widget markup into a host page's original bytes without re-serialising the page.
 *
 * <p>{@link org.coquille.inject.PageInjector} is the entry point; everything else here is package-private.
 */
package org.coquille.inject;
