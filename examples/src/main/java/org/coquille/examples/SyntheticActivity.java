package org.coquille.examples;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.coquille.Coquille;
import org.coquille.core.PageId;
import org.coquille.core.ViewBatch;
import org.coquille.core.Contribution;
import org.coquille.core.ContributionBatch;
import org.coquille.spi.SocialStore;

/**
 * Fills a store with realistic, seeded activity for the usage report: pages whose popularity follows a
 * Zipf law (a few pages everyone reads, many quiet ones, some never reacted to), employees who read a few
 * pages a working day, and contributors on a long tail (most never contribute, a few do a lot), with
 * participation growing slowly over the months, and departments of very different sizes (some too small to be shown
 * alone in the report by department; a few people the directory does not place). The same seed gives the same data.
 *
 * <p>Run: {@code mvn -q -f examples exec:java -Dexec.mainClass=org.coquille.examples.SyntheticActivity
 * -Dexec.args="--url jdbc:postgresql://127.0.0.1:5432/test?user=postgres"} (or {@code --work DIR} for the
 * demo's H2 database). Options: {@code --pages 300 --employees 2000 --days 182 --end 2026-11-22 --seed 42}.
 */
public final class SyntheticActivity {

    /** What one generation wrote. */
    public record Totals(long views, long viewerRows, long contributions, int days) { }

    private static final String[] SECTIONS = {"actualites", "rh", "ce", "informatique", "qualite", "direction",
        "restaurant", "securite", "formation", "juridique", "achats", "communication"};

    private final int pages;
    private final int employees;
    private final int days;
    private final LocalDate end;
    private final long seed;

    public SyntheticActivity(int pages, int employees, int days, LocalDate end, long seed) {
        this.pages = pages;
        this.employees = employees;
        this.days = days;
        this.end = end;
        this.seed = seed;
    }

    /** The departments and the share of employees in each; the rest (2 %) have none the directory knows. */
    static final List<String> DEPARTMENTS = List.of("Production", "Commercial", "Ressources humaines", "Informatique",
            "Communication", "Finance", "Achats", "Juridique", "Direction");
    private static final double[] DEPARTMENT_SHARES = {0.30, 0.20, 0.12, 0.12, 0.08, 0.07, 0.05, 0.03, 0.01};

    /** The standard data set: 300 pages, 2,000 employees, 26 weeks ending on {@code end}. */
    public static SyntheticActivity standard(LocalDate end) {
        return new SyntheticActivity(300, 2_000, 182, end, 42);
    }

    /** The demo intranet's own pages, given the most popular ranks so the demo's report shows them. */
    static final List<String> DEMO_PAGES = List.of("/index.html", "/restaurant/menu.html",
            "/actualites/nouveau-restaurant.html", "/rh/conges.html", "/actualites/index.html",
            "/rh/teletravail.html", "/actualites/rapport-annuel.html", "/informatique/messagerie.html",
            "/ce/voyages.html", "/annuaire.jsp");

    /** The id of page number {@code index}: the most popular first, in the demo's sections. */
    static PageId page(int index) {
        if (index < DEMO_PAGES.size()) {
            return PageId.of(DEMO_PAGES.get(index));
        }
        return PageId.of("/" + SECTIONS[index % SECTIONS.length] + "/page-" + (index + 1) + ".html");
    }

    /** The user id of employee number {@code index}. */
    static String employee(int index) {
        return String.format("employe%04d", index + 1);
    }

    /**
     * Writes the activity to {@code store}, one day per batch.
     *
     * @param pseudonym the viewer key of a user id, as Coquille computes it (so that erasure works on this data)
     */
    public Totals fill(SocialStore store, Function<String, String> pseudonym) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] popularity = cumulative(pages, 1.05);
        double[] engaging = new double[pages];
        for (int p = 0; p < pages; p++) {
            // a third of the pages (reference pages, forms, archives) never get any reaction
            engaging[p] = random.nextDouble() < 0.33 ? 0 : Math.exp(random.nextGaussian() * 0.8);
        }
        double[] reading = new double[employees];
        double[] contributing = new double[employees];
        String[] keys = new String[employees];
        for (int e = 0; e < employees; e++) {
            // about 2 pages a working day for the median employee; some read ten times more, some almost never
            reading[e] = Math.exp(0.7 + random.nextGaussian() * 1.1);
            // long tail: 70 % never contribute; the others on a Pareto law
            contributing[e] = random.nextDouble() < 0.70 ? 0
                    : Math.min(0.6, 0.01 / Math.pow(1 - random.nextDouble(), 1 / 1.3));
            keys[e] = pseudonym.apply(employee(e));
        }
        store.activity().placeInDepartments(end, departments(keys));
        long views = 0;
        long viewerRows = 0;
        long contributions = 0;
        for (int d = days - 1; d >= 0; d--) {
            LocalDate day = end.minusDays(d);
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            double adoption = 0.6 + 0.8 * (days - 1 - d) / Math.max(1, days - 1); // participation grows over time
            // the French summer: half the staff is away in August, and fewer in late July
            double season = day.getMonthValue() == 8 ? 0.45 : day.getMonthValue() == 7 && day.getDayOfMonth() > 14 ? 0.75 : 1;
            Map<Integer, long[]> viewCounts = new HashMap<>();
            Map<Integer, Set<String>> viewers = new HashMap<>();
            Map<String, Map<String, Long>> done = new HashMap<>();
            for (int e = 0; e < employees; e++) {
                double rate = reading[e] * (weekend ? 0.04 : 1) * season;
                int n = poisson(random, rate);
                for (int i = 0; i < n; i++) {
                    int p = pick(random, popularity);
                    viewCounts.computeIfAbsent(p, k -> new long[1])[0]++;
                    viewers.computeIfAbsent(p, k -> new HashSet<>()).add(keys[e]);
                    double chance = contributing[e] * engaging[p] * adoption;
                    if (chance > 0 && random.nextDouble() < chance) {
                        Contribution kind = kind(random);
                        done.computeIfAbsent(p + "|" + kind.name(), k -> new HashMap<>()).merge(keys[e], 1L, Long::sum);
                        contributions++;
                    }
                }
            }
            List<ViewBatch> batches = new ArrayList<>();
            for (Map.Entry<Integer, long[]> v : viewCounts.entrySet()) {
                batches.add(new ViewBatch(page(v.getKey()), day, v.getValue()[0], viewers.get(v.getKey())));
                views += v.getValue()[0];
                viewerRows += viewers.get(v.getKey()).size();
            }
            store.views().addViews(batches);
            List<ContributionBatch> contributed = new ArrayList<>();
            done.forEach((key, counts) -> {
                String[] parts = key.split("\\|");
                contributed.add(new ContributionBatch(page(Integer.parseInt(parts[0])), day,
                        Contribution.valueOf(parts[1]), counts));
            });
            store.activity().addContributions(contributed);
        }
        return new Totals(views, viewerRows, contributions, days);
    }

    /** Each employee's department (drawn with a seed of its own, so the activity is the same as without). */
    private Map<String, String> departments(String[] keys) {
        SplittableRandom random = new SplittableRandom(seed + 1);
        Map<String, String> departments = new HashMap<>();
        for (String key : keys) {
            double x = random.nextDouble();
            for (int d = 0; d < DEPARTMENTS.size(); d++) {
                x -= DEPARTMENT_SHARES[d];
                if (x < 0) {
                    departments.put(key, DEPARTMENTS.get(d));
                    break;
                }
            }
        }
        return departments;
    }

    private static Contribution kind(SplittableRandom random) {
        double x = random.nextDouble();
        return x < 0.55 ? Contribution.REACTION : x < 0.80 ? Contribution.VOTE : x < 0.88 ? Contribution.ANSWER
                : Contribution.COMMENT;
    }

    /** Cumulative Zipf weights with exponent {@code s}, normalised to end at 1. */
    private static double[] cumulative(int n, double s) {
        double[] c = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1, s);
            c[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            c[i] /= sum;
        }
        return c;
    }

    private static int pick(SplittableRandom random, double[] cumulative) {
        int at = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(cumulative.length - 1, at >= 0 ? at : -at - 1);
    }

    private static int poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        LocalDate end = options.containsKey("end") ? LocalDate.parse(options.get("end")) : LocalDate.now().minusDays(1);
        SyntheticActivity generator = new SyntheticActivity(Integer.parseInt(options.getOrDefault("pages", "300")),
                Integer.parseInt(options.getOrDefault("employees", "2000")),
                Integer.parseInt(options.getOrDefault("days", "182")), end,
                Long.parseLong(options.getOrDefault("seed", "42")));
        Path work = Path.of(options.getOrDefault("work", "examples/work"));
        Map<String, String> settings = new HashMap<>(Map.of("coquille.workFolder", work.toString()));
        if (options.containsKey("url")) {
            settings.put("coquille.store.url", options.get("url"));
        }
        long started = System.nanoTime();
        // through Coquille, so that people are counted under the work folder's key, as the demo counts them
        try (Coquille coquille = Coquille.builder().settings(settings).build()) {
            Totals totals = generator.fill(coquille.store(), coquille::pseudonymOf);
            System.out.printf("Wrote %,d views (%,d viewer keys) and %,d contributions over %d days to %s in %.1f s%n",
                    totals.views(), totals.viewerRows(), totals.contributions(), totals.days(),
                    coquille.store().describe(), (System.nanoTime() - started) / 1e9);
        }
    }

    /** Pseudonyms shaped like Coquille's (43 characters), under a random salt: for a store that no Coquille reads. */
    public static Function<String, String> randomPseudonyms() {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        return user -> {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(salt);
                return Base64.getUrlEncoder().withoutPadding().encodeToString(
                        sha.digest(("u:" + user).getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        };
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Expected an option such as --url, found " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
