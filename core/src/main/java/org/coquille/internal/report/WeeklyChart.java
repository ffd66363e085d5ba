package org.coquille.internal.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.jsoup.nodes.Element;

/**
 * A line chart of weekly figures drawn as SVG on the server, readable without JavaScript. The scale is
 * logarithmic so that a few commenters show next to thousands of readers; each point has a tooltip with
 * its value, and the same figures are always in a table next to it.
 */
final class WeeklyChart {

    /** One line: its name, colour, dash pattern (or {@code null}) and one value per week. */
    record Series(String name, String colour, String dash, long[] values) { }

    private static final int WIDTH = 760;
    private static final int HEIGHT = 280;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 40;
    private static final int BOTTOM = 36;

    private WeeklyChart() {
    }

    /** Appends the chart to {@code parent}, titled {@code title} (its accessible name). */
    static void draw(Element parent, String id, String title, String scaleNote, List<LocalDate> weeks, List<Series> series,
                     Locale locale) {
        long max = 1;
        for (Series s : series) {
            for (long v : s.values()) {
                max = Math.max(max, v);
            }
        }
        double top = Math.ceil(Math.log10(max + 1.0));
        Element svg = parent.appendElement("svg").attr("xmlns", "http://www.w3.org/2000/svg")
                .attr("viewBox", "0 0 " + WIDTH + " " + HEIGHT).attr("width", String.valueOf(WIDTH))
                .attr("height", String.valueOf(HEIGHT)).attr("role", "img").attr("aria-labelledby", id + "-title")
                .addClass("coq-chart");
        svg.appendElement("title").attr("id", id + "-title").text(title + " (" + scaleNote + ")");
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        // grid: 0, 1, 10, 100...
        for (int power = -1; power < top + 0.5; power++) {
            if (power == 0 && top >= 3) {
                continue; // 1 would sit on top of 0
            }
            long value = power < 0 ? 0 : (long) Math.pow(10, power);
            double y = TOP + plotHeight - plotHeight * Math.log10(value + 1.0) / top;
            svg.appendElement("line").attr("x1", num(LEFT)).attr("x2", num(WIDTH - RIGHT)).attr("y1", num(y))
                    .attr("y2", num(y)).attr("stroke", "#d0d4da").attr("stroke-width", "1");
            svg.appendElement("text").attr("x", num(LEFT - 6)).attr("y", num(y + 4)).attr("text-anchor", "end")
                    .attr("font-size", "11").attr("fill", "#444").text(String.format(locale, "%,d", value));
        }
        int n = weeks.size();
        double step = n > 1 ? plotWidth / (n - 1) : 0;
        DateTimeFormatter label = DateTimeFormatter.ofPattern(locale.getLanguage().equals("fr") ? "dd/MM" : "MM/dd", locale);
        int every = Math.max(1, (int) Math.ceil(n / 13.0));
        for (int i = 0; i < n; i += every) {
            double x = LEFT + i * step;
            svg.appendElement("text").attr("x", num(x)).attr("y", num(HEIGHT - BOTTOM + 16)).attr("text-anchor", "middle")
                    .attr("font-size", "11").attr("fill", "#444").text(weeks.get(i).format(label));
        }
        double legendX = LEFT;
        for (Series s : series) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < n; i++) {
                double x = LEFT + i * step;
                double y = TOP + plotHeight - plotHeight * Math.log10(s.values()[i] + 1.0) / top;
                points.append(num(x)).append(',').append(num(y)).append(' ');
            }
            Element line = svg.appendElement("polyline").attr("points", points.toString().strip()).attr("fill", "none")
                    .attr("stroke", s.colour()).attr("stroke-width", "2.5");
            if (s.dash() != null) {
                line.attr("stroke-dasharray", s.dash());
            }
            for (int i = 0; i < n; i++) {
                double x = LEFT + i * step;
                double y = TOP + plotHeight - plotHeight * Math.log10(s.values()[i] + 1.0) / top;
                svg.appendElement("circle").attr("cx", num(x)).attr("cy", num(y)).attr("r", "3").attr("fill", s.colour())
                        .appendElement("title").text(s.name() + ", " + weeks.get(i) + ": "
                                + String.format(locale, "%,d", s.values()[i]));
            }
            Element key = svg.appendElement("g");
            key.appendElement("line").attr("x1", num(legendX)).attr("x2", num(legendX + 24)).attr("y1", "16").attr("y2", "16")
                    .attr("stroke", s.colour()).attr("stroke-width", "3").attr("stroke-dasharray", s.dash() == null ? "" : s.dash());
            key.appendElement("text").attr("x", num(legendX + 30)).attr("y", "20").attr("font-size", "12").attr("fill", "#222")
                    .text(s.name());
            legendX += 40 + s.name().length() * 7;
        }
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
