package org.coquille.internal.web;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.coquille.core.Comments;
import org.coquille.core.PageId;
import org.coquille.core.Pages;
import org.coquille.core.Polls;
import org.coquille.core.Reactions;
import org.coquille.core.Votes;
import org.coquille.http.IdentityResolver;
import org.coquille.internal.render.WidgetRenderer;
import org.coquille.internal.report.ReportRoutes;

/** The parts of Coquille's web layer, wired once; the router and the page decoration share them. */
public final class Web {

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
    ReportRoutes report;

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
               Polls polls, Reactions reactions, WidgetRenderer renderer, Clock clock) {
        this.prefix = prefix;
        this.assetVersion = assetVersion;
        this.pages = pages;
        this.comments = comments;
        this.votes = votes;
        this.polls = polls;
        this.reactions = reactions;
        this.renderer = renderer;
        this.guard = new Guard(key, allowedOrigins);
        this.viewers = new Viewers(identity, anonymous);
        this.rateLimiter = new RateLimiter(writesPerMinute, clock);
        this.actions = new WidgetActions(comments, votes, polls, reactions);
        this.models = new WidgetModels(comments, votes, polls, reactions, flash, guard, prefix, assetVersion);
        this.json = new ObjectMapper().registerModule(new JavaTimeModule())
                .registerModule(new SimpleModule().addSerializer(PageId.class, ToStringSerializer.instance))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** The usage report's pages, under {@code report/}; set before {@link #router()}. */
    public void report(ReportRoutes value) {
        this.report = value;
    }

    /** The router for requests under the prefix. */
    public Router router() {
        return new Router(this);
    }

    /** The page decoration: the widgets a viewer sees on a page, as a fragment. */
    public PageFragments fragments() {
        return new PageFragments(this);
    }
}
