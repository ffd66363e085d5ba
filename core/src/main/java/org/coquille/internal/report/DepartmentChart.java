package org.coquille.internal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bar chart of each department's participation rate, drawn as SVG on the server ({@code report/bars.jte}) so that it
 * reads without JavaScript: one bar a line, its name on the left and its rate written at its end (not by colour alone),
 * a tooltip on each bar, and the same figures in the table next to it. Coordinates are strings with one decimal.
 *
 * @param id     the SVG's id prefix
 * @param title  its accessible name
 * @param height its height, from the number of bars
 * @param bottom where the bars end and the scale's values start
 * @param grid   the vertical lines of the scale, every 10 % (or 20 % past 50 %)
 * @param bars   one per line, top to bottom
 */
record DepartmentChart(String id, String title, String height, String bottom, List<Tick> grid, List<Bar> bars) {

    /** A line of the scale at {@code x}, its value written under the bars at {@code textY}. */
    record Tick(String x, String textY, String text) { }

    /**
     * A bar: its name (shortened to fit) at {@code y}'s middle, its rectangle, its value written after it, its tooltip.
     */
    record Bar(String label, String y, String textY, String width, String valueX, String value, String tooltip) { }

    static final int WIDTH = 760;
    static final int LEFT = 230;
    static final int RIGHT = 70;
    static final int TOP = 12;
    static final int ROW = 30;
    static final int BAR = 20;
    static final int SCALE = 28;
    static final String BARS_FROM = num(LEFT);
    static final String LABEL_X = num(LEFT - 8);
    private static final int MAX_LABEL = 30;

    /** The chart of {@code rates} (from 0 to 1) named {@code names}, in the reader's {@code locale}. */
    static DepartmentChart of(String id, String title, List<String> names, List<Double> rates, ReportFormat f) {
        double max = rates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double top = Math.max(0.1, Math.ceil(max * 10 - 1e-9) / 10);
        double step = top > 0.5 ? 0.2 : 0.1;
        double plot = WIDTH - LEFT - RIGHT;
        int height = TOP + names.size() * ROW + SCALE;
        List<Tick> grid = new ArrayList<>();
        for (double at = 0; at <= top + 1e-9; at += step) {
            grid.add(new Tick(num(LEFT + plot * at / top), num(height - 10.0), f.percent(at)));
        }
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            double rate = rates.get(i);
            double y = TOP + i * ROW + (ROW - BAR) / 2.0;
            double width = plot * rate / top;
            String name = names.get(i);
            String label = name.length() > MAX_LABEL ? name.substring(0, MAX_LABEL - 1) + "…" : name;
            bars.add(new Bar(label, num(y), num(y + BAR / 2.0 + 4), num(width), num(LEFT + width + 6), f.percent(rate),
                    name + ": " + f.percent(rate)));
        }
        return new DepartmentChart(id, title, String.valueOf(height), num(height - SCALE), grid, bars);
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
