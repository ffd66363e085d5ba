/**
 * For store implementers: the interfaces a store implements ({@link org.coquille.spi.SocialStore} and
 * the small interfaces it combines) and the {@link org.coquille.spi.StoreProvider} that lets
 * {@code ServiceLoader} find a store. Methods that look one thing up return {@code null} when it
 * does not exist. Every store must pass the contract suite {@code SocialStoreContract} from
 * {@code coquille-core}'s test-jar.
 */
package org.coquille.spi;
