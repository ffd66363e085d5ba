package org.coquille.internal.console;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.coquille.core.AuditEntry;
import org.coquille.core.Messages;
import org.coquille.core.NamedPosition;
import org.coquille.social.Comments;
import org.coquille.social.DatePolls;
import org.coquille.social.Pages;
import org.coquille.social.Polls;
import org.coquille.core.User;
import org.coquille.http.HttpRequest;
import org.coquille.http.IdentityResolver;
import org.coquille.internal.page.PageIdResolver;
import org.coquille.internal.web.Guard;
import org.coquille.spi.SocialStore;
import org.coquille.spi.StoreHealth;

/**
 * What every part of the console works with.
 *
 * @param prefix       Coquille's prefix, such as {@code /_coquille/}
 * @param assetVersion the version in asset URLs
 * @param pageIds      how the filter turns an address into a page id
 * @param zone         the time zone dates are typed and shown in
 * @param utcByDefault whether that zone is UTC only because the server runs on UTC and no zone is set
 * @param loginUrl     the host's login page, or empty
 * @param health       whether the store is known to be down, for the notice on every page
 * @param positions    the places for the widgets a site administrator named, offered by name
 */
record ConsoleContext(String prefix, String assetVersion, Guard guard, IdentityResolver identity, SocialStore store,
                      Pages pages, PageIdResolver pageIds, Comments comments, Polls polls, DatePolls datePolls,
                      Clock clock, ZoneId zone, boolean utcByDefault, String loginUrl, ObjectMapper json,
                      StoreHealth health, List<NamedPosition> positions) {

    /** The console's base URL for {@code request}: {@code <context><prefix>console/}. */
    String base(HttpRequest request) {
        return request.contextPath() + prefix + "console/";
    }

    String asset(HttpRequest request, String name) {
        return request.contextPath() + prefix + "static/" + name + "?v=" + assetVersion;
    }

    /** The installation's time zone in words for {@code m}'s language: "Central European Time (Europe/Paris)". */
    String zoneName(Messages m) {
        return zone.getDisplayName(TextStyle.FULL, m.locale()) + " (" + zone.getId() + ")";
    }

    /** Records what {@code editor} did in the audit trail. */
    void audit(User editor, String action, String subject, String before, String after) {
        store.audit().addAuditEntry(new AuditEntry(0, clock.instant(), editor.id(), action, subject, before, after));
    }
}
