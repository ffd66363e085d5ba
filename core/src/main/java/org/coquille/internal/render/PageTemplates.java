package org.coquille.internal.render;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The console's and the report's pages: JTE templates under {@code src/main/jte}, compiled to Java classes at build
 * time (so nothing is parsed at run time), each rendered with one view model. HTML output, escaped by context.
 */
public final class PageTemplates {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            PageTemplates.class.getClassLoader(), "org.coquille.internal");

    private PageTemplates() {
    }

    /** The page of template {@code name} (such as {@code report/page.jte}) showing {@code model}. */
    public static String render(String name, Object model) {
        StringOutput out = new StringOutput(16 * 1024);
        ENGINE.render(name, model, out);
        return out.toString();
    }
}
