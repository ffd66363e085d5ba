package org.coquille.internal.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.coquille.core.DepartmentFigures;
import org.coquille.report.DepartmentLine;
import org.coquille.report.DepartmentMonth;
import org.coquille.report.DepartmentReport;

/**
 * The report by department as CSV and JSON, in the dialect of {@link Exports}: first the whole period's lines (their
 * trend over the last two whole months), then each month's (its trend since the month before). "Other" is named in the
 * editor's language in the CSV and is {@code "department": null, "other": true} in the JSON; the departments it holds
 * are listed.
 */
final class DepartmentExports {

    static final List<String> COLUMNS = List.of("period", "department", "merged", "unique_viewers",
            "unique_reactors_voters", "unique_commenters", "unique_contributors", "participation_rate", "trend_points");

    private DepartmentExports() {
    }

    /** The CSV file; rates and trends with the decimal separator of the editor's language. */
    static byte[] csv(DepartmentReport report, org.coquille.core.Messages m) {
        CsvSchema.Builder schema = CsvSchema.builder().setColumnSeparator(';').setUseHeader(true);
        COLUMNS.forEach(c -> schema.addColumn(m.get("report.csv." + c)));
        DecimalFormat rate = new DecimalFormat("0.0000", DecimalFormatSymbols.getInstance(m.locale()));
        DecimalFormat points = new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(m.locale()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Exports.BOM);
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             SequenceWriter lines = Exports.CSV.writer(schema.build()).writeValues(writer)) {
            for (Map<String, Object> row : rows(report)) {
                if ((Boolean) row.remove("other")) {
                    row.put("department", m.get("report.dept.other"));
                }
                row.remove("from");
                row.remove("to");
                row.remove("unknown");
                row.put("merged", String.join(", ", castList(row.get("merged"))));
                row.put("participation_rate", rate.format(row.get("participation_rate")));
                row.put("trend_points", row.get("trend_points") == null ? "" : points.format(row.get("trend_points")));
                lines.write(COLUMNS.stream().map(row::get).map(Exports::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The JSON file: the period, the minimum of people a line holds, and the rows with the CSV's columns. */
    static byte[] json(ObjectMapper json, DepartmentReport report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", report.from().toString());
        body.put("to", report.to().toString());
        body.put("by", "department");
        body.put("min_people", report.minPeople());
        body.put("rows", rows(report));
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The period's rows (period {@code from/to}), then each month's (period {@code 2026-11}). */
    private static List<Map<String, Object>> rows(DepartmentReport report) {
        List<Map<String, Object>> rows = new ArrayList<>();
        String whole = report.from() + "/" + report.to();
        report.lines().forEach(line -> rows.add(row(whole, report.from().toString(), report.to().toString(), line)));
        for (DepartmentMonth month : report.months()) {
            month.lines().forEach(line -> rows.add(row(month.month().toString(), month.from().toString(),
                    month.to().toString(), line)));
        }
        return rows;
    }

    private static Map<String, Object> row(String period, String from, String to, DepartmentLine line) {
        DepartmentFigures f = line.group().figures();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("period", period);
        row.put("from", from);
        row.put("to", to);
        row.put("department", line.group().department());
        row.put("other", line.group().other());
        row.put("merged", line.group().merged());
        row.put("unknown", line.group().unknown());
        row.put("unique_viewers", f.readers());
        row.put("unique_reactors_voters", f.reactors());
        row.put("unique_commenters", f.commenters());
        row.put("unique_contributors", f.contributors());
        row.put("participation_rate", Math.round(f.participationRate() * 10_000) / 10_000.0);
        row.put("trend_points", line.trend() == null ? null : Math.round(line.trend() * 10_000) / 100.0);
        return row;
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }
}
