package org.coquille.examples.oldwar;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.google.common.base.Joiner;
import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The directory's page ({@code /annuaire}): each department's people, escaped by Guava, as an intranet page. */
public final class DirectoryServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryServlet.class);
    static final List<String> DEPARTMENTS = List.of("Informatique", "Ressources humaines");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Directory directory = IntranetStartup.directory(getServletContext());
        LOG.info("Annuaire consulté par {}", request.getRemoteUser());
        Escaper html = HtmlEscapers.htmlEscaper();
        response.setContentType("text/html;charset=UTF-8");
        PrintWriter out = response.getWriter();
        out.println("<!DOCTYPE html>");
        out.println("<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Annuaire</title></head><body>");
        out.println("<h1>Annuaire du personnel</h1>");
        for (String department : DEPARTMENTS) {
            out.println("<h2>" + html.escape(department) + "</h2><ul class=\"annuaire\">");
            for (Person person : directory.department(department)) {
                out.println("<li>" + html.escape(Joiner.on(" \u2014 ").skipNulls().join(person.getName(), person.getPhone()))
                        + "</li>");
            }
            out.println("</ul>");
        }
        out.println("</body></html>");
    }
}
