package org.coquille.packaging;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.coquille.Coquille;
import org.coquille.core.DatePoll;
import org.coquille.core.DateSlot;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.User;
import org.coquille.core.Widget;
import org.coquille.http.FakeRequest;
import org.coquille.http.IdentityResolver;
import org.coquille.inject.Placement;
import org.coquille.store.MemoryStore;

/**
 * Drives, through Coquille's own API only, every feature that rests on a bundled library: the JSON API (Jackson and
 * its java.time module), the CSV export (Jackson CSV), the calendar export (biweekly), a CSS-selector placement
 * (jsoup) and the caches (Caffeine). {@link BundledLibrariesIT} runs it in a class loader that holds the shaded jar
 * and none of the original libraries; this class must therefore name none of them.
 */
public final class BundledLibrariesDriver implements Supplier<Map<String, String>> {

    private static final PageId PAGE = PageId.of("/news/canteen.jsp");
    private static final String HTML = "<html><head><title>Cantine</title></head>"
            + "<body><div id=\"menu\"><h1>Menu</h1></div><p>Bon appétit</p></body></html>";

    @Override
    public Map<String, String> get() {
        Instant now = Instant.parse("2026-03-04T09:00:00Z");
        MemoryStore store = new MemoryStore();
        Path work = temporaryFolder();
        Map<String, String> out = new LinkedHashMap<>();
        try (Coquille coquille = Coquille.builder().settings(Map.of("coquille.workFolder", work.toString()))
                .store(store).key(new byte[32]).clock(Clock.fixed(now, ZoneOffset.UTC)).zone(ZoneOffset.UTC)
                .identity(IdentityResolver.container("coquille-editor")).build()) {
            store.pages().saveSettings(PageSettings.off(PAGE).withWidgets(Set.of(Widget.COMMENTS, Widget.DATE_POLL))
                    .withPlacement(Placement.inside("#menu")));
            User edith = User.editor("edith");
            coquille.comments().post(User.employee("alice"), PAGE, null, "Très bon menu");
            Instant start = Instant.parse("2026-03-10T12:00:00Z");
            DatePoll poll = coquille.datePolls().create(edith, PAGE, "Team lunch",
                    List.of(new DateSlot(start, start.plus(Duration.ofMinutes(90))),
                            new DateSlot(start.plus(Duration.ofDays(1)), start.plus(Duration.ofDays(1).plusMinutes(90)))));
            coquille.datePolls().close(edith, poll.id(), 0);

            out.put("page", new String(coquille.decorate(FakeRequest.get(PAGE.value()).user("alice"),
                    HTML.getBytes(StandardCharsets.UTF_8), "UTF-8"), StandardCharsets.UTF_8));
            coquille.flushViews();
            out.put("json", coquille.handle(FakeRequest.get("/_coquille/api/page?page=" + PAGE.value()).user("alice"))
                    .bodyText());
            out.put("csv", coquille.handle(FakeRequest.get("/_coquille/report/export.csv")
                    .query("by=day&from=2026-03-02&to=2026-03-08").user("edith", "coquille-editor")).bodyText());
            out.put("console", coquille.handle(FakeRequest.get("/_coquille/console/page?id=" + PAGE.value())
                    .user("edith", "coquille-editor")).bodyText());
            out.put("report", coquille.handle(FakeRequest.get("/_coquille/report/")
                    .query("from=2026-03-02&to=2026-03-08").user("edith", "coquille-editor")).bodyText());
            out.put("ics", coquille.handle(FakeRequest.get("/_coquille/calendar/datepoll-" + poll.id() + ".ics")
                    .header("Host", "intranet")).bodyText());
        }
        return out;
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("coquille-bundled");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
