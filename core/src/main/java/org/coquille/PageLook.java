package org.coquille;

import org.coquille.core.PageId;
import org.coquille.core.PageSettings;

/**
 * What Coquille saw of a request's page when the request came in ({@link Coquille#look}): the page's id and
 * settings, looked up once and handed back for the rest of the request ({@link Coquille#countView(
 * org.coquille.http.HttpRequest, PageLook)}, {@link Coquille#decoration(org.coquille.http.HttpRequest, PageLook,
 * byte[], int, String)}).
 *
 * @param page     the page, or {@code null} when the request names none (a path too long)
 * @param settings its settings, or {@code null} when they could not be read (store down)
 * @param holdBack whether the adapter should hold the response back: a widget is on, or the page is to be catalogued
 */
public record PageLook(PageId page, PageSettings settings, boolean holdBack) {

    /** A request without a page Coquille can count or decorate. */
    static final PageLook NONE = new PageLook(null, null, false);
}
