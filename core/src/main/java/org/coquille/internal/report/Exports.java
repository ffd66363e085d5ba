package org.coquille.internal.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.coquille.core.Messages;
import org.coquille.core.Objective;
import org.coquille.core.ActivityFigures;
import org.coquille.core.Bucket;
import org.coquille.report.ObjectiveStanding;

/**
 * The report's figures per page and per day or week, as CSV (UTF-8 with a byte-order mark and {@code ;}
 * between columns, so a French Excel opens it right with a double click) and as JSON with the same columns.
 * The CSV is for people: its headers and words are in the editor's language ({@code report.csv.*}); the JSON is for
 * programs and keeps the codes ({@code unique_viewers}, {@code behind}). No CSV cell holds a live formula
 * ({@link #cell}).
 */
final class Exports {

    static final List<String> COLUMNS = List.of("page", "start", "views", "unique_viewers", "comments",
            "unique_commenters", "votes", "reactions", "poll_answers", "unique_reactors_voters", "unique_contributors",
            "ideas", "idea_votes", "date_answers", "participation_rate");

    /** The columns of the objectives export: one row per page with widgets on. */
    static final List<String> OBJECTIVE_COLUMNS = List.of("page", "purpose", "description", "target", "end_date",
            "since", "contributors", "status", "approximate");

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Quotes a value only when it needs it (a separator, a quote, a line break), as spreadsheets write CSV. */
    static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    private Exports() {
    }

    /**
     * The CSV file; the participation rate uses the decimal separator of {@code locale} (a comma in French),
     * as the spreadsheet reading it expects.
     */
    static byte[] csv(List<ActivityFigures> rows, Bucket bucket, Messages m) {
        CsvSchema.Builder schema = CsvSchema.builder().setColumnSeparator(';').setUseHeader(true);
        COLUMNS.forEach(c -> schema.addColumn(m.get("report.csv." + (c.equals("start")
                ? bucket.name().toLowerCase(Locale.ROOT) : c))));
        DecimalFormat rate = new DecimalFormat("0.0000", DecimalFormatSymbols.getInstance(m.locale()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             SequenceWriter lines = CSV.writer(schema.build()).writeValues(writer)) {
            for (ActivityFigures f : rows) {
                List<Object> line = new ArrayList<>(values(f).values());
                line.set(line.size() - 1, rate.format(f.participationRate()));
                lines.write(line.stream().map(Exports::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A CSV cell that a spreadsheet shows as text, never runs: a text starting with {@code =}, {@code +}, {@code -},
     * {@code @}, a tab or a carriage return gets a leading {@code '}, as OWASP's CSV-injection guidance says
     * (an objective's description typed as {@code =HYPERLINK(...)} would otherwise be a live formula). Numbers stay
     * numbers. The JSON exports keep the text as typed: nothing evaluates it there.
     */
    static Object cell(Object value) {
        if (value instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return value;
    }

    /** The JSON file: the period, the bucket, and one object per row with the CSV's columns. */
    static byte[] json(ObjectMapper json, List<ActivityFigures> rows, Bucket bucket, LocalDate from, LocalDate to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from.toString());
        body.put("to", to.toString());
        body.put("by", bucket.name().toLowerCase(Locale.ROOT));
        body.put("rows", rows.stream().map(Exports::values).toList());
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The objectives as CSV, in the same dialect as the figures (UTF-8 with a byte-order mark, {@code ;}), the
     * purpose, status and yes/no in words.
     */
    static byte[] objectivesCsv(List<ObjectiveStanding> standings, Messages m) {
        CsvSchema.Builder schema = CsvSchema.builder().setColumnSeparator(';').setUseHeader(true);
        OBJECTIVE_COLUMNS.forEach(c -> schema.addColumn(m.get("report.csv." + c)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             SequenceWriter lines = CSV.writer(schema.build()).writeValues(writer)) {
            for (ObjectiveStanding s : standings) {
                Map<String, Object> row = values(s);
                if (s.objective() != null) {
                    row.put("purpose", m.get("objective.purpose." + row.get("purpose")));
                }
                row.put("status", m.get("report.status." + row.get("status")));
                row.put("approximate", m.get((Boolean) row.get("approximate") ? "report.csv.yes" : "report.csv.no"));
                lines.write(row.values().stream().map(Exports::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The objectives as JSON: the day they were computed on and one object per page with the CSV's columns. */
    static byte[] objectivesJson(ObjectMapper json, List<ObjectiveStanding> standings, LocalDate today) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("on", today.toString());
        body.put("by", "objective");
        body.put("rows", standings.stream().map(Exports::values).toList());
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One page's objective: purpose, status and the other codes in English lower case ({@code ideas},
     * {@code on_track}; {@code no_objective} for a page without one), empty cells for what is not set.
     */
    private static Map<String, Object> values(ObjectiveStanding s) {
        Map<String, Object> row = new LinkedHashMap<>();
        Objective o = s.objective();
        row.put("page", s.page().value());
        row.put("purpose", o == null ? "" : o.purpose().code());
        row.put("description", o == null || o.text() == null ? "" : o.text());
        row.put("target", o == null || o.target() == null ? "" : o.target());
        row.put("end_date", o == null || o.endDate() == null ? "" : o.endDate().toString());
        row.put("since", o == null ? "" : o.since().toString());
        row.put("contributors", o == null ? "" : s.progress().contributors());
        row.put("status", o == null ? "no_objective" : s.progress().status().name().toLowerCase(Locale.ROOT));
        row.put("approximate", s.approximate());
        return row;
    }

    private static Map<String, Object> values(ActivityFigures f) {
        Map<String, Object> row = new LinkedHashMap<>();
        Object[] values = {f.page() == null ? "" : f.page().value(), f.start() == null ? "" : f.start().toString(),
            f.views(), f.uniqueViewers(), f.comments(), f.uniqueCommenters(), f.votes(), f.reactions(), f.answers(),
            f.uniqueReactors(), f.uniqueContributors(), f.ideas(), f.ideaVotes(), f.dateAnswers(), Math.round(f.participationRate() * 10_000) / 10_000.0};
        for (int i = 0; i < COLUMNS.size(); i++) {
            row.put(COLUMNS.get(i), values[i]);
        }
        return row;
    }
}
