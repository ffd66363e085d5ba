package org.coquille.internal.web;

import org.coquille.core.User;

/**
 * Who is looking at a page or posting: a logged-in user, or an anonymous visitor.
 *
 * @param user     the user, or {@code null} when anonymous
 * @param key      a stable key for CSRF tokens and notices: {@code u:<id>}, {@code a:<cookie>} or {@code ip:<address>}
 * @param canWrite whether they may take part
 */
record Viewer(User user, String key, boolean canWrite) { }
