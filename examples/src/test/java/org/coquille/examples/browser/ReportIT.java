package org.coquille.examples.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.coquille.examples.SyntheticActivity;
import org.coquille.core.Bucket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The usage report as an editor reads it: reached from the console, for the whole intranet and for one page, over
 * the default period and over one the editor picks, with its figures, its SVG charts, its CSV export and its
 * participation by department. The data: twelve weeks of seeded synthetic activity on the demo's pages (ending
 * yesterday, its employees in departments of very different sizes), and today's page views by the browsers of this test
 * (alice, whom the demo's directory puts in Achats).
 */
class ReportIT {

    @RegisterExtension
    static final IntranetInChromium intranet = new IntranetInChromium();

    private static final LocalDate YESTERDAY = LocalDate.now().minusDays(1);

    private static EditorsConsole edith;

    @BeforeAll
    static void activity() throws Exception {
        new SyntheticActivity(30, 80, 84, YESTERDAY, 42)
                .fill(intranet.demo().coquille().store(), intranet.demo().coquille()::pseudonymOf);
        Employee alice = intranet.employee("alice", Chromium.Profile.ENGLISH);
        alice.open("/restaurant/menu.html");
        alice.open("/rh/conges.html");
        edith = new EditorsConsole(intranet.employee("edith", Chromium.Profile.ENGLISH), intranet.base());
        intranet.demo().coquille().flushViews();
    }

    @Test
    void theIntranetReportShowsItsFiguresItsFunnelChartAndItsWeeks() {
        edith.home().report();
        assertThat(edith.heading()).isEqualTo("Usage report");
        Map<String, String> totals = edith.totals();
        assertThat(totals).containsKeys("Page views", "Readers", "Comments", "Reactions", "Participation");
        assertThat(number(totals.get("Page views"))).isGreaterThan(1000);
        assertThat(number(totals.get("Readers"))).as("most of the 80 synthetic employees, and the people of this test").isBetween(40L, 90L);
        assertThat(edith.charts()).as("the funnel's three lines, and the bars by department")
                .containsExactly(Map.entry("coq-funnel-title", 3), Map.entry("coq-departments-title", 0));
        assertThat(edith.rowsOf("Funnel, week by week")).hasSizeGreaterThanOrEqualTo(12);
        assertThat(edith.pagesLinked()).isNotEmpty();
    }

    @Test
    void onePagesReportOverAPeriodTheEditorPicks() {
        edith.home().report();
        String page = edith.pagesLinked().get(0);
        edith.reportOfPage(page);
        assertThat(edith.heading()).isEqualTo("Page " + page);
        assertThat(number(edith.totals().get("Page views"))).isPositive();
        assertThat(edith.charts()).containsExactly(Map.entry("coq-trend-title", 3));

        LocalDate from = Bucket.weekOf(YESTERDAY).minusWeeks(4);
        LocalDate to = from.plusWeeks(4).minusDays(1);
        edith.period(from, to);
        assertThat(edith.heading()).isEqualTo("Page " + page);
        assertThat(edith.periodShown()).containsExactly(from.toString(), to.toString());
        assertThat(edith.rowsOf("Trend, week by week")).as("one row a week").hasSize(4);
        assertThat(edith.charts()).containsExactly(Map.entry("coq-trend-title", 3));
    }

    @Test
    void theCsvExportLinkAnswersACsvFileOfTheFiguresShown() throws Exception {
        edith.home().report();
        long views = number(edith.totals().get("Page views"));

        EditorsConsole.Download csv = edith.download("CSV, per page per day");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).isEqualTo("text/csv; charset=utf-8");
        assertThat(csv.disposition()).startsWith("attachment; filename=\"coquille-report-").endsWith("-day.csv\"");
        List<Map<String, String>> rows;
        try (MappingIterator<Map<String, String>> lines = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader().withColumnSeparator(';'))
                .readValues(csv.body().replace("\uFEFF", ""))) {
            rows = lines.readAll();
        }
        assertThat(rows).isNotEmpty();
        assertThat(rows.get(0)).as("headers in the editor's language")
                .containsKeys("Page", "Day", "Views", "Readers", "Participation rate");
        assertThat(rows.stream().mapToLong(r -> Long.parseLong(r.get("Views"))).sum())
                .as("the day-by-page views add up to the report's total").isEqualTo(views);
    }

    @Test
    void theReportByDepartmentShowsItsTableAndItsAccessibleChartAndSinglesNobodyOut() throws Exception {
        var coquille = intranet.demo().coquille();
        assertThat(coquille.store().activity().departmentOf(coquille.pseudonymOf("alice")))
                .as("alice's views placed her in the directory's department").contains("Achats");
        edith.home().report();
        WebElement table = edith.driver().findElement(By.xpath("//main//table[caption='Participation by department']"));
        List<String> lines = table.findElements(By.cssSelector("tbody th")).stream().map(WebElement::getText).toList();
        assertThat(lines).as("the big departments alone, then Other").hasSizeGreaterThanOrEqualTo(4).endsWith("Other")
                .contains("Production", "Commercial").doesNotContain("Direction");
        for (WebElement row : table.findElements(By.cssSelector("tbody tr"))) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            assertThat(number(cells.get(0).getText())).as("readers of %s", row.findElement(By.tagName("th")).getText())
                    .isGreaterThanOrEqualTo(5);
            assertThat(cells.get(4).getText()).endsWith("%");
        }
        assertThat(edith.driver().findElements(By.xpath("//main//p[starts-with(., 'Other holds:')]"))).hasSize(1);

        WebElement chart = edith.driver().findElement(By.cssSelector("svg[aria-labelledby='coq-departments-title']"));
        assertThat(chart.isDisplayed()).isTrue();
        assertThat(chart.getDomAttribute("role")).isEqualTo("img");
        assertThat(edith.driver().findElement(By.id("coq-departments-title")).getDomProperty("textContent"))
                .isEqualTo("Participation rate by department");
        List<WebElement> bars = chart.findElements(By.tagName("rect"));
        assertThat(bars).as("a bar a line of the table").hasSize(lines.size());
        assertThat(bars.get(0).findElement(By.tagName("title")).getDomProperty("textContent")).startsWith(lines.get(0) + ": ");
        assertThat(Axe.check(edith.driver(), "#coq-by-department")).as("axe-core, participation by department").isEmpty();

        EditorsConsole.Download csv = edith.download("CSV, per department, for the period and month by month");
        assertThat(csv.status()).isEqualTo(200);
        List<Map<String, String>> rows;
        try (MappingIterator<Map<String, String>> read = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader().withColumnSeparator(';'))
                .readValues(csv.body().replace("\uFEFF", ""))) {
            rows = read.readAll();
        }
        assertThat(rows).as("the period's lines, then each month's").hasSizeGreaterThan(lines.size());
        assertThat(rows.subList(0, lines.size())).extracting(r -> r.get("Department")).containsExactlyElementsOf(lines);
        assertThat(rows).allSatisfy(r -> assertThat(Math.max(Long.parseLong(r.get("Readers")),
                Long.parseLong(r.get("Contributors")))).isGreaterThanOrEqualTo(5));
    }

    private static long number(String shown) {
        return Long.parseLong(shown.replace(",", ""));
    }
}
