/**
 * For store implementers: the interfaces a store implements ({@link org.coquille.spi.SocialStore}, put
 * together from one part per area such as {@link org.coquille.spi.CommentStore}) and the
 * {@link org.coquille.spi.StoreProvider} that lets {@code ServiceLoader} find a store. Methods that look one thing up return {@code null} when it
 * does not exist. Every store must pass the contract suite from {@code coquille-core}'s
 * test-jar, one contract per area.
 */
package org.coquille.spi;
