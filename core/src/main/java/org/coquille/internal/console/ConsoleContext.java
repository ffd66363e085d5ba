package org.coquille.internal.console;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.coquille.core.AuditEntry;
import org.coquille.core.CataloguedPage;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.Messages;
import org.coquille.core.PatternRule;
import org.coquille.core.NamedPosition;
import org.coquille.social.Comments;
import org.coquille.social.DatePolls;
import org.coquille.social.Pages;
import org.coquille.social.Polls;
import org.coquille.core.User;
import org.coquille.http.HttpRequest;
import org.coquille.http.IdentityResolver;
import org.coquille.internal.page.PageCatalogue;
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
 * @param catalogue    the pages this node has served and not yet written to the store
 * @param positions    the places for the widgets a site administrator named, offered by name
 */
record ConsoleContext(String prefix, String assetVersion, Guard guard, IdentityResolver identity, SocialStore store,
                      Pages pages, PageIdResolver pageIds, Comments comments, Polls polls, DatePolls datePolls,
                      Clock clock, ZoneId zone, boolean utcByDefault, String loginUrl, ObjectMapper json,
                      StoreHealth health, PageCatalogue catalogue, List<NamedPosition> positions) {

    /** The console's base URL for {@code request}: {@code <context><prefix>console/}. */
    String base(HttpRequest request) {
        return request.contextPath() + prefix + "console/";
    }

    String asset(HttpRequest request, String name) {
        return request.contextPath() + prefix + "static/" + name + "?v=" + assetVersion;
    }

    /** How addresses typed in {@code request}'s forms are read: leniently, the same way everywhere. */
    AddressInput addresses(HttpRequest request) {
        return new AddressInput(request.contextPath(), pageIds);
    }

    /**
     * Every page the console knows: served through the filter (this node's latest included), set up by an editor, or
     * named by an exact pattern (of the pages file or the console).
     */
    Set<PageId> knownPages() {
        catalogue.flush();
        Set<PageId> pages = new TreeSet<>(configuredPages());
        store.catalogue().cataloguedPages().stream().map(CataloguedPage::page).forEach(pages::add);
        return pages;
    }

    /** The pages with settings of their own, and those an exact pattern names, whether served yet or not. */
    Set<PageId> configuredPages() {
        Set<PageId> pages = new TreeSet<>();
        store.pages().allSettings().stream().map(PageSettings::page).forEach(pages::add);
        Stream.concat(pages().fileRules().rules().stream(), store.settings().patternRules().stream())
                .map(PatternRule::pattern).filter(p -> p.startsWith("/") && !p.contains("*"))
                .map(PageId::of).forEach(pages::add);
        return pages;
    }

    /** Puts {@code page} in the catalogue at once, untitled until the filter serves it: an editor has opened it. */
    void catalogue(PageId page) {
        store.catalogue().catalogue(List.of(new CataloguedPage(page, null, clock.instant())));
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
