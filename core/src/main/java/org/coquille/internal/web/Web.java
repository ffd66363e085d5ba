package org.coquille.internal.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.benmanes.caffeine.cache.Ticker;

import org.coquille.social.Comments;
import org.coquille.social.DatePolls;
import org.coquille.social.Ideas;
import org.coquille.core.PageId;
import org.coquille.social.Pages;
import org.coquille.social.Polls;
import org.coquille.social.Reactions;
import org.coquille.social.Votes;
import org.coquille.http.HttpRequest;
import org.coquille.http.HttpResponse;
import org.coquille.http.IdentityResolver;
import org.coquille.internal.render.WidgetRenderer;
import org.coquille.internal.report.ReportRoutes;

/** The parts of Coquille's web layer, wired once; the router and the page decoration share them. */
public final class Web {

    /** A part of Coquille's web pages mounted under a name below the prefix, such as {@code console/}. */
    @FunctionalInterface
    public interface Section {

        /**
         * Answers a request under the section.
         *
         * @param rest the path after {@code <prefix><name>/}, possibly empty
         */
        HttpResponse handle(HttpRequest request, String rest);
    }

    final Ideas ideas;
    final DatePolls datePolls;
    final String prefix;
    final String assetVersion;
    final WidgetActions actions;
    final WidgetModels models;
    final WidgetRenderer renderer;
    final Pages pages;
    final Viewers viewers;
    final Guard guard;
    final RateLimiter rateLimiter;
    final Flash flash = new Flash();
    final ObjectMapper json;
    final Comments comments;
    final Votes votes;
    final Polls polls;
    final Reactions reactions;
    final Map<String, Section> sections = new ConcurrentHashMap<>();

    /**
     * @param prefix          where Coquille answers, such as {@code /_coquille/}
     * @param assetVersion    the version in asset URLs
     * @param key             the installation key
     * @param identity        who makes a request
     * @param anonymous       whether anonymous visitors may take part
     * @param writesPerMinute each user's write allowance
     * @param allowedOrigins  origins besides the request's host that may post
     */
    public Web(String prefix, String assetVersion, InstallationKey key, IdentityResolver identity, boolean anonymous,
               int writesPerMinute, List<String> allowedOrigins, Pages pages, Comments comments, Votes votes,
               Polls polls, Reactions reactions, Ideas ideas, DatePolls datePolls, WidgetRenderer renderer,
               Clock clock) {
        this.prefix = prefix;
        this.assetVersion = assetVersion;
        this.pages = pages;
        this.comments = comments;
        this.votes = votes;
        this.polls = polls;
        this.reactions = reactions;
        this.ideas = ideas;
        this.datePolls = datePolls;
        this.renderer = renderer;
        this.guard = new Guard(key, allowedOrigins, clock);
        this.viewers = new Viewers(identity, anonymous);
        this.rateLimiter = new RateLimiter(writesPerMinute, clock);
        this.actions = new WidgetActions(comments, votes, polls, reactions, ideas, datePolls);
        this.models = new WidgetModels(comments, votes, polls, reactions, ideas, datePolls, flash, guard, prefix,
                assetVersion);
        this.json = new ObjectMapper().registerModule(new JavaTimeModule())
                .registerModule(new SimpleModule().addSerializer(PageId.class, ToStringSerializer.instance))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** The CSRF and origin checks the widgets use, for other forms under the prefix. */
    public Guard guard() {
        return guard;
    }

    /**
     * Mounts the usage report under {@code <prefix>report/}, its caller resolved as the widgets resolve theirs;
     * call before {@link #router()}.
     */
    public Web mountReport(ReportRoutes report) {
        return mount("report", (request, rest) -> {
            if (rest.isEmpty() && !request.path().endsWith("/")) {
                return HttpResponse.redirect(request.contextPath() + request.path() + "/"); // relative links need it
            }
            Viewer viewer = viewers.of(request);
            boolean writeAllowed = guard.originAllowed(request)
                    && guard.tokenValid(request, viewer.key(), request.parameter(Guard.TOKEN_FIELD));
            return report.route(request, rest, new ReportRoutes.Caller(viewer.user(), guard.token(viewer.key()),
                    Guard.TOKEN_FIELD, writeAllowed));
        });
    }

    /** Mounts {@code section} under {@code <prefix><name>/}; call before {@link #router()}. */
    public Web mount(String name, Section section) {
        sections.put(name, section);
        return this;
    }

    /** The router for requests under the prefix. */
    public Router router() {
        return new Router(this);
    }

    /**
     * The page decoration: the widgets a viewer sees on a page, as a fragment.
     *
     * @param writes   the store's count of writes so far, which makes remembered fragments stale when it moves
     * @param ttl      how long a remembered fragment may be shown, at most
     * @param ticker   the time source of that expiry
     * @param maxChars how many characters of fragments to remember (0: render every page view)
     */
    public PageFragments fragments(LongSupplier writes, BooleanSupplier fresh, Duration ttl, Ticker ticker,
                                   long maxChars) {
        return new PageFragments(this, writes, fresh, ttl, ticker, maxChars);
    }
}
