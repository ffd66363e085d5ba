package org.coquille.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import one.profiler.AsyncProfiler;

import org.coquille.examples.LoadTestServer;

/**
 * {@link LoadTestServer} with async-profiler inside: once a trigger file appears (the load is warm by then), it samples
 * the CPU of every thread (request threads, JIT compiler, GC, the kernel's work on their behalf) for a while and writes
 * collapsed stacks, one line per distinct stack with its sample count, which {@code examples/bench/profile.sh}
 * summarises and flame-graph tools draw. System properties: {@code coquille.profile.trigger} (the file to wait for),
 * {@code coquille.profile.for} (seconds sampled, 20), {@code coquille.profile.file} (where the stacks go),
 * {@code coquille.profile.interval} (1ms).
 */
public final class ProfiledLoadTestServer {

    private ProfiledLoadTestServer() {
    }

    public static void main(String[] args) throws Exception {
        Path trigger = Path.of(System.getProperty("coquille.profile.trigger", "coquille-profile.start"));
        long length = Long.getLong("coquille.profile.for", 20);
        String file = System.getProperty("coquille.profile.file", "coquille-profile.txt");
        String interval = System.getProperty("coquille.profile.interval", "1ms");
        Thread profiling = new Thread(() -> {
            try {
                while (!Files.exists(trigger)) {
                    Thread.sleep(100);
                }
                AsyncProfiler profiler = AsyncProfiler.getInstance();
                profiler.execute("start,event=cpu,interval=" + interval);
                System.out.println("Profiling for " + length + " s");
                Thread.sleep(length * 1000);
                profiler.execute("stop,collapsed,file=" + file);
                System.out.println("Profile written to " + file);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | IllegalStateException | UnsatisfiedLinkError e) {
                System.err.println("Could not profile: " + e);
            }
        }, "coquille-profiler");
        profiling.setDaemon(true);
        profiling.start();
        LoadTestServer.main(args);
    }
}
