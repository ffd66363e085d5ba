package org.coquille.internal.report;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.coquille.core.Messages;

/**
 * What the report's templates use to speak the reader's language: its texts, and its figures and dates formatted;
 * and the one inline style sheet every report page carries.
 */
final class ReportFormat {

    static final String CSS = """
            body.coq-report{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9;line-height:1.45}
            .coq-report header{background:#22344a;color:#fff;padding:.7rem 1.5rem}
            .coq-report header a{color:#fff;margin-right:1.4rem}
            .coq-report main{padding:1rem 1.5rem 3rem;max-width:72rem}
            .coq-report h1{font-size:1.6rem;margin:.8rem 0 .2rem}
            .coq-report h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:2px solid #22344a;padding-bottom:.2rem}
            .coq-report a{color:#0b4f9c}
            .coq-report a:focus,.coq-report button:focus,.coq-report input:focus,.coq-report input:focus-within,.coq-report summary:focus{outline:3px solid #e8870e;outline-offset:2px}
            .coq-report form.coq-period{display:flex;flex-wrap:wrap;gap:.8rem;align-items:flex-end;margin:.6rem 0}
            .coq-report label{display:block;font-size:.9rem}
            .coq-report input{font:inherit;padding:.2rem .3rem}
            .coq-report button{font:inherit;padding:.25rem .9rem;background:#22344a;color:#fff;border:0;border-radius:3px;cursor:pointer}
            .coq-report button.coq-danger{background:#a4161a}
            .coq-kpis{display:flex;flex-wrap:wrap;gap:.8rem;margin:.6rem 0;padding:0;list-style:none}
            .coq-kpi{background:#fff;border:1px solid #d0d4da;border-radius:4px;padding:.5rem .9rem;min-width:9rem}
            .coq-kpi strong{display:block;font-size:1.5rem}
            table.coq-table{border-collapse:collapse;margin:.5rem 0 1rem;background:#fff}
            .coq-table caption{text-align:left;font-weight:600;padding:.3rem 0}
            .coq-table th,.coq-table td{border:1px solid #d0d4da;padding:.2rem .55rem;text-align:right;font-variant-numeric:tabular-nums}
            .coq-table thead th{background:#e9edf2}
            .coq-table .coq-text{text-align:left}
            .coq-table tbody th{white-space:nowrap}
            .coq-chart{width:100%;max-width:62rem;height:auto;background:#fff;border:1px solid #d0d4da;display:block}
            .coq-note{color:#4a5260;font-size:.92rem}
            .coq-warning{background:#fff4d6;border-left:4px solid #e8870e;padding:.5rem .8rem}
            .coq-error{background:#fde8e8;border-left:4px solid #a4161a;padding:.5rem .8rem}
            .coq-done{background:#e5f5e8;border-left:4px solid #2b7a3d;padding:.5rem .8rem}
            .coq-columns{display:flex;flex-wrap:wrap;gap:0 2rem}
            .coq-report label.coq-inline{display:inline}
            .coq-summary{font-size:1.05rem;background:#fff;border-left:4px solid #22344a;padding:.6rem .9rem;max-width:62rem}
            .coq-report h3{font-size:1.05rem;margin:1.2rem 0 .3rem}
            """;

    /** The Content-Security-Policy source of the one inline style sheet: its SHA-256, so no other inline style runs. */
    static final String STYLE_SOURCE = "'sha256-" + java.util.Base64.getEncoder().encodeToString(sha256(CSS)) + "'";

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    final Messages m;
    final Locale locale;
    private final NumberFormat integers;
    private final NumberFormat percents;
    private final NumberFormat decimals;
    private final DateTimeFormatter dates;

    ReportFormat(Messages messages) {
        this.m = messages;
        this.locale = messages.locale();
        this.integers = NumberFormat.getIntegerInstance(locale);
        this.percents = NumberFormat.getPercentInstance(locale);
        this.percents.setMaximumFractionDigits(1);
        this.percents.setMinimumFractionDigits(1);
        this.decimals = NumberFormat.getNumberInstance(locale);
        this.decimals.setMaximumFractionDigits(1);
        this.decimals.setMinimumFractionDigits(1);
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    }

    /** The text for {@code key} with {@code args}. */
    String text(String key, Object... args) {
        return m.get(key, args);
    }

    String integer(long value) {
        return integers.format(value);
    }

    String percent(double value) {
        return percents.format(value);
    }

    /** A number with one decimal, such as 3.1 (3,1 in French). */
    String decimal(double value) {
        return decimals.format(value);
    }

    String date(LocalDate day) {
        return day.format(dates);
    }
}
