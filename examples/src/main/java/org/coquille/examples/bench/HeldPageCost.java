package org.coquille.examples.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coquille.Coquille;
import org.coquille.PageLook;
import org.coquille.core.PageId;
import org.coquille.core.PageSettings;
import org.coquille.core.User;
import org.coquille.core.Widget;
import org.coquille.inject.Injection;
import org.coquille.inject.PageBuffer;
import org.coquille.inject.PageBuffers;
import org.coquille.inject.Placement;
import org.coquille.store.MemoryStore;

/**
 * The process's CPU time (request thread, garbage collector and JIT together) per decorated page, for the work the
 * filter adds to a page it holds back, on the load test's 50 KB and 300 KB pages from memory, default and selector
 * position: the page held the former way (a new array per request, the injector finding the page by checksum, three
 * writes) and the present way (a pooled buffer, the page found by its id, one write). Nothing is sent: the writes go
 * to a stream that drops them. A measure that a machine shared with other work can still take, as wrk cannot.
 *
 * <p>Run: {@code java -cp examples/target/classes:$CP org.coquille.examples.bench.HeldPageCost}.
 */
public final class HeldPageCost {

    private static final OutputStream DROPPED = OutputStream.nullOutputStream();

    private HeldPageCost() {
    }

    public static void main(String[] args) throws IOException {
        MemoryStore store = new MemoryStore();
        Coquille coquille = Coquille.builder().settings(Map.of("coquille.workFolder",
                System.getProperty("java.io.tmpdir") + "/coquille-bench")).store(store).build();
        PageBuffers pool = new PageBuffers(PageBuffers.DEFAULT_MAX_BYTES);
        try {
            for (String size : List.of("50k", "300k")) {
                for (String where : List.of("", "selector/")) {
                    String path = "/memory/" + where + size + ".html";
                    byte[] page = org.coquille.examples.MemoryPages.PAGES.get(path);
                    takenPartOn(coquille, PageId.of(path), where.isEmpty() ? Placement.DEFAULT : Placement.inside("#contenu"));
                    BenchRequest request = new BenchRequest(path);
                    long former = perPage(() -> formerWay(coquille, request, page));
                    long present = perPage(() -> presentWay(coquille, pool, request, page));
                    System.out.printf("%-28s former %6.1f µs, present %6.1f µs of CPU per page%n", path, former / 1e3,
                            present / 1e3);
                }
            }
        } finally {
            coquille.close();
        }
    }

    /** The page in an array of its own, found by checksum, written in three parts. */
    private static void formerWay(Coquille coquille, BenchRequest request, byte[] page) throws IOException {
        // the former buffer, sized from the announced length, handed its full array over without a copy
        byte[] bytes = new byte[page.length];
        System.arraycopy(page, 0, bytes, 0, page.length);
        Injection injection = coquille.decoration(request, bytes, "ISO-8859-1");
        injection.writeTo(DROPPED);
    }

    /** The page in a pooled buffer, looked at once, found by its id, written in one part. */
    private static void presentWay(Coquille coquille, PageBuffers pool, BenchRequest request, byte[] page)
            throws IOException {
        PageBuffer held = pool.take(page.length);
        try {
            held.write(page, 0, page.length);
            PageLook look = coquille.look(request);
            coquille.decoration(request, look, held.bytes(), held.length(), "ISO-8859-1").writeInOne(DROPPED);
        } finally {
            held.release();
        }
    }

    private interface Page {
        void serve() throws IOException;
    }

    /** The median, over 9 rounds of 10,000 pages after 3 of warm-up, of the process's CPU nanoseconds per page. */
    private static long perPage(Page page) throws IOException {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] rounds = new long[9];
        for (int round = -3; round < rounds.length; round++) {
            long start = os.getProcessCpuTime();
            for (int i = 0; i < 10_000; i++) {
                page.serve();
            }
            if (round >= 0) {
                rounds[round] = (os.getProcessCpuTime() - start) / 10_000;
            }
        }
        Arrays.sort(rounds);
        return rounds[rounds.length / 2];
    }

    private static void takenPartOn(Coquille coquille, PageId page, Placement placement) {
        coquille.store().pages().saveSettings(PageSettings.off(page)
                .withWidgets(Set.of(Widget.COMMENTS, Widget.VOTE, Widget.REACTIONS)).withPlacement(placement));
        for (int i = 0; i < 200; i++) {
            User employee = User.employee("employee" + i);
            if (i < 5) {
                coquille.comments().post(employee, page, null, "Commentaire numéro " + i + " sur le rapport annuel.");
            }
            coquille.votes().vote(employee, page, i % 3 == 0 ? -1 : 1);
            coquille.reactions().set(employee, page, i % 2 == 0 ? "\uD83D\uDC4D" : "\uD83C\uDF89", true);
        }
    }
}
