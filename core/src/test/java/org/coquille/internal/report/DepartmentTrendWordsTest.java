package org.coquille.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.coquille.core.Messages;
import org.junit.jupiter.api.Test;

/** A department's trend in words, in points of percentage, as the report's table writes it. */
class DepartmentTrendWordsTest {

    private static final ReportFormat ENGLISH = new ReportFormat(Messages.forLocale(Locale.ENGLISH));
    private static final ReportFormat FRENCH = new ReportFormat(Messages.forLocale(Locale.FRENCH));

    @Test
    void aRiseAFallSteadyAndNoTrendInEnglish() {
        assertThat(DepartmentsView.trend(ENGLISH, 0.031)).isEqualTo("up 3.1 points");
        assertThat(DepartmentsView.trend(ENGLISH, 0.012)).isEqualTo("up 1.2 points");
        assertThat(DepartmentsView.trend(ENGLISH, -0.02)).isEqualTo("down 2.0 points");
        assertThat(DepartmentsView.trend(ENGLISH, 0.0004)).isEqualTo("steady");
        assertThat(DepartmentsView.trend(ENGLISH, null)).isEqualTo("no trend");
    }

    @Test
    void frenchSaysPointInTheSingularUnderTwo() {
        assertThat(DepartmentsView.trend(FRENCH, 0.015)).isEqualTo("en hausse de 1,5 point");
        assertThat(DepartmentsView.trend(FRENCH, -0.025)).isEqualTo("en baisse de 2,5 points");
        assertThat(DepartmentsView.trend(FRENCH, -0.0002)).isEqualTo("stable");
        assertThat(DepartmentsView.trend(FRENCH, null)).isEqualTo("pas de tendance");
    }
}
