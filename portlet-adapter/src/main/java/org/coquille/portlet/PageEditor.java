package org.coquille.portlet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.portlet.ActionRequest;
import javax.portlet.ActionResponse;
import javax.portlet.PortletMode;
import javax.portlet.PortletModeException;
import javax.portlet.PortletPreferences;
import javax.portlet.PortletRequest;
import javax.portlet.PortletSession;
import javax.portlet.ReadOnlyException;
import javax.portlet.RenderRequest;
import javax.portlet.RenderResponse;
import javax.portlet.ValidatorException;

import org.coquille.Coquille;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.Poll;
import org.coquille.core.PollChoice;
import org.coquille.core.ResultsVisibility;
import org.coquille.core.RuleViolation;
import org.coquille.core.User;
import org.coquille.core.VoteKind;
import org.coquille.core.Widget;
import org.coquille.spi.StoreUnavailableException;

/**
 * The standalone portlet's EDIT mode: an editor sets the page's widgets and options in the console's own
 * page-settings fields, and attaches a poll. The choice is saved as the page's settings in Coquille's store (what every use case reads)
 * and in the window's portlet preferences ({@code coquille.page}, {@code coquille.widgets},
 * {@code coquille.voteKind}, {@code coquille.polls}), which pin the page id to this window.
 */
// the Portlet 2.0 (JSR 286) calls, deprecated in 3.0, are on purpose: the adapter runs in 2.0 portals too
@SuppressWarnings("deprecation")
final class PageEditor {

    static final String WIDGETS_PREFERENCE = "coquille.widgets";
    static final String VOTE_KIND_PREFERENCE = "coquille.voteKind";
    static final String POLLS_PREFERENCE = "coquille.polls";
    /** Render parameters bringing a rejected form back. */
    static final String NOTICE = "coq_notice";
    static final String NOTICE_ERROR = "coq_notice_error";

    private static final String TOKEN_ATTRIBUTE = "org.coquille.portlet.editToken";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PortletWidgets widgets;

    PageEditor(PortletWidgets widgets) {
        this.widgets = widgets;
    }

    /** The form, for an editor; a plain message for anyone else. */
    String render(RenderRequest request, RenderResponse response) {
        PortletTexts t = PortletTexts.forLocale(request.getLocale());
        Coquille coquille = widgets.coquille();
        PortletHttpRequest fields = new PortletHttpRequest(request, "/", null, null, response.getNamespace(), false);
        User user = coquille.user(fields);
        if (user == null || !user.editor()) {
            return "<p class=\"coq-notice coq-error\" role=\"alert\">" + org.jsoup.nodes.Entities.escape(
                    t.get("portlet.edit.editorsOnly")) + "</p>";
        }
        String pageValue = widgets.pageOf(request, response);
        PageId page = pageValue == null ? null : PageId.of(pageValue);
        String settingsFields = coquille.settingsFields(fields,
                page == null ? PageSettings.off(PageId.of("/")) : coquille.pages().settings(page));
        List<String> polls = page == null ? List.of()
                : coquille.polls().viewsOf(user, page).stream().map(v -> v.poll().question()).toList();
        javax.portlet.PortletURL action = response.createActionURL();
        action.setParameter(EditForm.MARK, "1");
        String ns = response.getNamespace();
        String notice = request.getParameter(NOTICE);
        return EditForm.render(new EditForm.Model(PortletLinks.write(action), ns, token(request), pageValue == null ? "" : pageValue,
                settingsFields, polls, notice, request.getParameter(NOTICE_ERROR) != null,
                orEmpty(request.getParameter(EditForm.QUESTION)), orEmpty(request.getParameter(EditForm.OPTIONS))), t);
    }

    /** Saves the form; back to VIEW mode when it worked, the form again with the reason when it did not. */
    void save(ActionRequest request, ActionResponse response) throws IOException {
        PortletTexts t = PortletTexts.forLocale(request.getLocale());
        String ns = response.getNamespace();
        PortletHttpRequest fields = new PortletHttpRequest(request, "/", null, null, ns, false);
        Coquille coquille = widgets.coquille();
        User user = coquille.user(fields);
        String question = orEmpty(fields.parameter(EditForm.QUESTION)).strip();
        String optionsText = orEmpty(fields.parameter(EditForm.OPTIONS));
        try {
            if (user == null || !user.editor()) {
                throw new Rejected(t.get("portlet.edit.editorsOnly"));
            }
            if (!tokenValid(request, fields.parameter(EditForm.TOKEN))) {
                throw new Rejected(t.get("portlet.edit.expired"));
            }
            PageId page = page(fields.parameter(EditForm.PAGE), t);
            PageSettings typed = coquille.readSettings(fields, page);
            Set<Widget> on = EnumSet.noneOf(Widget.class);
            on.addAll(typed.widgets());
            Poll created = null;
            if (!question.isEmpty()) {
                List<String> options = new ArrayList<>();
                for (String line : optionsText.split("\\R")) {
                    if (!line.isBlank()) {
                        options.add(line.strip());
                    }
                }
                PollChoice choice = choice(PollChoice.class, orDefault(fields.parameter(EditForm.CHOICE), "SINGLE"), t);
                created = coquille.polls().create(user, new Poll(0, page, question, options, choice, null, null,
                        ResultsVisibility.AFTER_ANSWERING));
                on.add(Widget.POLL);
            }
            try {
                coquille.store().pages().saveSettings(typed.withWidgets(on));
            } catch (RuntimeException e) {
                if (created != null) {
                    undo(coquille, user, created);
                }
                throw e;
            }
            remember(request.getPreferences(), page, on, typed.voteKind(), created);
            response.setPortletMode(PortletMode.VIEW);
        } catch (Rejected e) {
            giveBack(response, e.getMessage(), question, optionsText);
        } catch (RuleViolation e) {
            giveBack(response, e.message(t.locale()), question, optionsText);
        } catch (StoreUnavailableException e) {
            giveBack(response, t.get("portlet.edit.storeDown"), question, optionsText);
        } catch (PortletModeException e) {
            // the portal keeps the window in EDIT mode: the form shows again, saved
            response.setRenderParameter(NOTICE, t.get("portlet.edit.saved"));
        }
    }

    private static void undo(Coquille coquille, User user, Poll created) {
        try {
            coquille.polls().delete(user, created.id());
        } catch (RuntimeException ignored) {
            // the store is down: the poll stays, on a page whose poll widget is off
        }
    }

    private static void remember(PortletPreferences preferences, PageId page, Set<Widget> on, VoteKind kind, Poll created)
            throws IOException {
        try {
            preferences.setValue(PortletWidgets.PAGE_PREFERENCE, page.value());
            preferences.setValues(WIDGETS_PREFERENCE, on.stream().map(Widget::name).toArray(String[]::new));
            preferences.setValue(VOTE_KIND_PREFERENCE, kind.name());
            if (created != null) {
                List<String> polls = new ArrayList<>(List.of(preferences.getValues(POLLS_PREFERENCE, new String[0])));
                polls.add(String.valueOf(created.id()));
                preferences.setValues(POLLS_PREFERENCE, polls.toArray(String[]::new));
            }
            preferences.store();
        } catch (ReadOnlyException | ValidatorException e) {
            // the portal keeps these preferences read-only: the store holds the settings all the same
        }
    }

    private static void giveBack(ActionResponse response, String message, String question, String options) {
        response.setRenderParameter(NOTICE, message);
        response.setRenderParameter(NOTICE_ERROR, "1");
        response.setRenderParameter(EditForm.QUESTION, question);
        response.setRenderParameter(EditForm.OPTIONS, options);
    }

    private static PageId page(String value, PortletTexts t) {
        try {
            return PageId.of(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new Rejected(t.get("portlet.edit.badPage", e.getMessage()));
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, PortletTexts t) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Rejected(t.get("portlet.edit.badChoice", value));
        }
    }

    private static String token(PortletRequest request) {
        PortletSession session = request.getPortletSession(true);
        Object token = session.getAttribute(TOKEN_ATTRIBUTE);
        if (!(token instanceof String)) {
            byte[] bytes = new byte[18];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.setAttribute(TOKEN_ATTRIBUTE, token);
        }
        return (String) token;
    }

    private static boolean tokenValid(PortletRequest request, String given) {
        PortletSession session = request.getPortletSession(false);
        Object token = session == null ? null : session.getAttribute(TOKEN_ATTRIBUTE);
        return token instanceof String expected && given != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The form is turned down, with a message for the editor. */
    private static final class Rejected extends RuntimeException {

        Rejected(String message) {
            super(message, null, false, false);
        }
    }
}
