package org.coquille.store;

/** A cache key for what one user chose on one thing (a page, a poll). */
record UserKey(Object scope, String user) { }
