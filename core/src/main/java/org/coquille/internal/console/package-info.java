/**
 * The editors' console under {@code <prefix>console/}: pages and their widgets, URL patterns, polls,
 * moderation with its audit trail, and settings export and import. Server-rendered HTML that works without
 * JavaScript; internal, not an API.
 */
package org.coquille.internal.console;
