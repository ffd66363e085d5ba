package org.coquille.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The staff directory, a page generated per request the way a 2005 JSP wrote it: through getWriter(), in Latin-1. */
final class Annuaire extends HttpServlet {

    private record Person(String name, String service, String phone) { }

    private static final List<Person> PEOPLE = List.of(
            new Person("Hélène Martin", "rh", "4501"), new Person("François Petit", "rh", "4502"),
            new Person("Jérôme Leroy", "informatique", "4610"), new Person("Cécile Moreau", "ce", "4512"),
            new Person("Noël Garnier", "restaurant", "4701"));

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String service = request.getParameter("service");
        response.setContentType("text/html; charset=ISO-8859-1");
        PrintWriter out = response.getWriter();
        out.println("<html><head><title>Annuaire - Intranet Groupe Durand</title></head>");
        out.println("<body bgcolor=\"#FFFFFF\"><font face=\"Verdana\" size=\"2\">");
        out.println("<h2>Annuaire" + (service == null ? "" : " : service " + escape(service)) + "</h2>");
        out.println("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\"><tr bgcolor=\"#CCDDEE\"><th>Nom</th>"
                + "<th>Service</th><th>Poste</th></tr>");
        for (Person p : PEOPLE) {
            if (service == null || p.service().equals(service)) {
                out.println("<tr><td>" + p.name() + "</td><td>" + p.service() + "</td><td>" + p.phone() + "</td></tr>");
            }
        }
        out.println("</table><p><a href=\"index.html\">Retour à l'accueil</a></p></font></body></html>");
    }

    private static String escape(String text) {
        return org.jsoup.nodes.Entities.escape(text);
    }
}
