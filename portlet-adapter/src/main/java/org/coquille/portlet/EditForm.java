package org.coquille.portlet;

import java.util.List;
import java.util.Locale;

import org.coquille.core.PollChoice;
import org.jsoup.nodes.Element;

/**
 * The standalone portlet's EDIT mode form: the page id, the console's page-settings fields (the same template the
 * console's page editor shows, rendered by core), and a new poll. Built with jsoup's elements, so every value is
 * escaped; field names and ids carry the portlet namespace.
 */
final class EditForm {

    static final String TOKEN = "coq_token";
    static final String PAGE = "coq_page";
    static final String QUESTION = "coq_question";
    static final String OPTIONS = "coq_options";
    static final String CHOICE = "coq_choice";
    /** The action URL parameter marking the form's post. */
    static final String MARK = "coq_edit";

    /**
     * What the form shows.
     *
     * @param action   the action URL it posts to
     * @param ns       the portlet namespace
     * @param token    the form's CSRF token
     * @param page     the page id
     * @param settingsFields the console's page-settings fields showing the page's settings (HTML from core)
     * @param polls    the questions of the polls already attached
     * @param notice   a message to show, or {@code null}
     * @param error    whether the message is an error
     * @param question the question typed (given back after an error), or {@code ""}
     * @param options  the options typed, or {@code ""}
     */
    record Model(String action, String ns, String token, String page, String settingsFields,
                 List<String> polls, String notice, boolean error, String question, String options) { }

    private EditForm() {
    }

    static String render(Model m, PortletTexts t) {
        Element root = new Element("div").addClass("coq-widgets").addClass("coq-edit").attr("id", m.ns() + "coq-edit")
                .attr("lang", t.locale().getLanguage());
        root.appendElement("h2").addClass("coq-title").text(t.get("portlet.edit.title"));
        if (m.notice() != null) {
            root.appendElement("p").addClass(m.error() ? "coq-notice coq-error" : "coq-notice")
                    .attr("role", m.error() ? "alert" : "status").text(m.notice());
        }
        Element form = root.appendElement("form").attr("method", "post").attr("action", m.action())
                .attr("accept-charset", "UTF-8").addClass("coq-form");
        hidden(form, m.ns() + TOKEN, m.token());

        Element pageField = form.appendElement("p");
        pageField.appendElement("label").attr("for", m.ns() + "coq-edit-page").text(t.get("portlet.edit.page"));
        pageField.appendText(" ");
        pageField.appendElement("input").attr("type", "text").attr("id", m.ns() + "coq-edit-page")
                .attr("name", m.ns() + PAGE).attr("value", m.page()).attr("required", true).attr("size", "60");

        // the console's own page-settings fields, rendered by core under the portlet namespace
        form.append(m.settingsFields());

        Element poll = form.appendElement("fieldset");
        poll.appendElement("legend").text(t.get("portlet.edit.poll"));
        for (String question : m.polls()) {
            poll.appendElement("p").addClass("coq-meta").text(t.get("portlet.edit.poll.attached", question));
        }
        Element q = poll.appendElement("p");
        q.appendElement("label").attr("for", m.ns() + "coq-edit-question").text(t.get("portlet.edit.poll.question"));
        q.appendText(" ");
        q.appendElement("input").attr("type", "text").attr("id", m.ns() + "coq-edit-question")
                .attr("name", m.ns() + QUESTION).attr("value", m.question()).attr("size", "60");
        Element o = poll.appendElement("p");
        o.appendElement("label").attr("for", m.ns() + "coq-edit-options").text(t.get("portlet.edit.poll.options"));
        o.appendElement("br");
        o.appendElement("textarea").attr("id", m.ns() + "coq-edit-options").attr("name", m.ns() + OPTIONS)
                .attr("rows", "4").attr("cols", "40").text(m.options());
        Element choices = poll.appendElement("fieldset");
        choices.appendElement("legend").text(t.get("portlet.edit.poll.choice"));
        for (PollChoice choice : PollChoice.values()) {
            radio(choices, m.ns(), CHOICE, choice.name(), choice == PollChoice.SINGLE,
                    t.get("portlet.edit.poll.choice." + choice.name()));
        }

        form.appendElement("button").attr("type", "submit").text(t.get("portlet.edit.save"));
        return root.outerHtml();
    }

    private static void radio(Element parent, String ns, String name, String value, boolean checked, String label) {
        String id = ns + "coq-edit-" + name + "-" + value.toLowerCase(Locale.ROOT);
        Element option = parent.appendElement("div").addClass("coq-option");
        option.appendElement("input").attr("type", "radio").attr("id", id).attr("name", ns + name).attr("value", value)
                .attr("checked", checked);
        option.appendElement("label").attr("for", id).text(label);
    }

    private static void hidden(Element form, String name, String value) {
        form.appendElement("input").attr("type", "hidden").attr("name", name).attr("value", value);
    }
}
