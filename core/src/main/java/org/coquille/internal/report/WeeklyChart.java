package org.coquille.internal.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart of weekly figures, drawn as SVG on the server ({@code report/chart.jte}) so that it reads without
 * JavaScript. The scale is logarithmic so that a few commenters show next to thousands of readers; each point has a
 * tooltip with its value, and the same figures are always in a table next to it. This class places everything;
 * coordinates are strings with one decimal.
 *
 * @param id    the SVG's id prefix
 * @param title its accessible name
 * @param grid  the horizontal lines of the scale: 0, 1, 10, 100...
 * @param weeks the labels under the x axis
 * @param lines one per series
 */
record WeeklyChart(String id, String title, List<Tick> grid, List<Mark> weeks, List<Line> lines) {

    /** One line: its name, colour, dash pattern (or {@code null}) and one value per week. */
    record Series(String name, String colour, String dash, long[] values) { }

    /** A line of the scale at height {@code y}, its value written at {@code textY}. */
    record Tick(String y, String textY, String text) { }

    /** A text at ({@code x}, {@code y}). */
    record Mark(String x, String y, String text) { }

    /** A series drawn: its polyline's points, a dot per week with its tooltip, and where its key starts. */
    record Line(Series series, String points, List<Mark> dots, String keyX) {

        String keyEnd() {
            return num(Double.parseDouble(keyX) + 24);
        }

        String keyTextX() {
            return num(Double.parseDouble(keyX) + 30);
        }
    }

    static final int WIDTH = 760;
    static final int HEIGHT = 280;
    static final int LEFT = 56;
    static final int RIGHT = 16;
    static final int TOP = 40;
    static final int BOTTOM = 36;
    static final String GRID_FROM = num(LEFT);
    static final String GRID_TO = num(WIDTH - RIGHT);
    static final String SCALE_X = num(LEFT - 6);
    static final String WEEKS_Y = num(HEIGHT - BOTTOM + 16);

    /** The chart of {@code series} over {@code weeks}, titled {@code title} and the note on its scale. */
    static WeeklyChart of(String id, String title, String scaleNote, List<LocalDate> weeks, List<Series> series,
                          Locale locale) {
        long max = 1;
        for (Series s : series) {
            for (long v : s.values()) {
                max = Math.max(max, v);
            }
        }
        double top = Math.ceil(Math.log10(max + 1.0));
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        List<Tick> grid = new ArrayList<>();
        for (int power = -1; power < top + 0.5; power++) {
            if (power == 0 && top >= 3) {
                continue; // 1 would sit on top of 0
            }
            long value = power < 0 ? 0 : (long) Math.pow(10, power);
            double y = TOP + plotHeight - plotHeight * Math.log10(value + 1.0) / top;
            grid.add(new Tick(num(y), num(y + 4), String.format(locale, "%,d", value)));
        }
        int n = weeks.size();
        double step = n > 1 ? plotWidth / (n - 1) : 0;
        DateTimeFormatter label = DateTimeFormatter.ofPattern(locale.getLanguage().equals("fr") ? "dd/MM" : "MM/dd", locale);
        List<Mark> labels = new ArrayList<>();
        int every = Math.max(1, (int) Math.ceil(n / 13.0));
        for (int i = 0; i < n; i += every) {
            labels.add(new Mark(num(LEFT + i * step), WEEKS_Y, weeks.get(i).format(label)));
        }
        List<Line> lines = new ArrayList<>();
        double keyX = LEFT;
        for (Series s : series) {
            StringBuilder points = new StringBuilder();
            List<Mark> dots = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String x = num(LEFT + i * step);
                String y = num(TOP + plotHeight - plotHeight * Math.log10(s.values()[i] + 1.0) / top);
                points.append(x).append(',').append(y).append(' ');
                dots.add(new Mark(x, y, s.name() + ", " + weeks.get(i) + ": " + String.format(locale, "%,d", s.values()[i])));
            }
            lines.add(new Line(s, points.toString().strip(), dots, num(keyX)));
            keyX += 40 + s.name().length() * 7;
        }
        return new WeeklyChart(id, title + " (" + scaleNote + ")", grid, labels, lines);
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
