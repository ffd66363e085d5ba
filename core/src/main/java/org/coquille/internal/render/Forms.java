package org.coquille.internal.render;

/** The parts every widget form shares: its action, the CSRF token, the page and the way back. */
final class Forms {

    /** The form fields Coquille reads. */
    static final String CSRF = "coq_csrf";
    static final String PAGE = "coq_page";
    static final String RETURN_TO = "coq_return";

    private Forms() {
    }

    static void open(Html html, WidgetModel model, String action, String cssClass, String... extra) {
        openOn(html, model, model.page(), model.returnTo(), action, cssClass, extra);
    }

    /** A form about {@code page} (the model's page, or an idea's comment thread) that comes back to {@code returnTo}. */
    static void openOn(Html html, WidgetModel model, org.coquille.core.PageId page, String returnTo, String action,
                       String cssClass, String... extra) {
        // accept-charset: a Latin-1 page's forms would otherwise post in Latin-1, losing emoji and the euro sign
        String[] attributes = new String[10 + extra.length];
        attributes[0] = "method";
        attributes[1] = "post";
        attributes[2] = "action";
        attributes[3] = model.links().action(action);
        attributes[4] = "accept-charset";
        attributes[5] = "UTF-8";
        attributes[6] = "class";
        attributes[7] = cssClass;
        // where the script posts instead, when that is not the form's action (a portlet's resource URL)
        attributes[8] = "data-coq-fragment";
        attributes[9] = model.links().fragment(action);
        System.arraycopy(extra, 0, attributes, 10, extra.length);
        html.open("form", attributes);
        // the token is left open: one rendering may serve many viewers (FragmentTemplate)
        html.append("<input type=\"hidden\" name=\"" + Html.escape(model.field(CSRF)) + "\" value=\"").slot().append("\">");
        hidden(html, model, PAGE, page.value());
        hidden(html, model, RETURN_TO, returnTo);
    }

    /** A labelled group of buttons: a form posting {@code action} when the viewer may take part, else a plain group. */
    static void openGroup(Html html, WidgetModel model, String action, String label) {
        if (model.canWrite()) {
            open(html, model, action, "coq-form", "aria-label", label);
        } else {
            html.open("div", "role", "group", "aria-label", label);
        }
    }

    static void closeGroup(Html html, WidgetModel model) {
        html.close(model.canWrite() ? "form" : "div");
    }

    static void hidden(Html html, WidgetModel model, String name, String value) {
        html.open("input", "type", "hidden", "name", model.field(name), "value", value);
    }

    static void notice(Html html, WidgetModel.Notice notice) {
        if (notice != null) {
            html.element("p", notice.text(), "class", notice.error() ? "coq-notice coq-error" : "coq-notice",
                    "role", notice.error() ? "alert" : "status");
        }
    }
}
