/**
 * For applications and adapters: {@code Coquille}, the one object an installation is, put together by its builder
 * from {@code Settings}; it wires every other package and is the only one that uses {@code internal} and picks a
 * store.
 */
package org.coquille;
