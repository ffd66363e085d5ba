package org.coquille.gateway;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.coquille.Coquille;
import org.coquille.servlet.CoquilleFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coquille in the gateway, started as soon as it can be: while it cannot (its database unreachable when the gateway
 * starts, say), every request goes to the intranet as it is, and a start is tried again in the background, 5 s later,
 * then less and less often, up to once a minute. The gateway itself never waits for Coquille: an intranet reachable
 * without it stays reachable through it.
 */
final class PendingCoquille implements Filter, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PendingCoquille.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration LAST_RETRY = Duration.ofMinutes(1);

    private final Map<String, String> settings;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "coquille-gateway-start");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Coquille coquille;
    private volatile CoquilleFilter filter;
    private volatile boolean closed;

    PendingCoquille(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    /** Tries to start Coquille now; when it cannot, says why once and keeps trying in the background. */
    void start() {
        if (!tryStart(true)) {
            retries.schedule(() -> retry(FIRST_RETRY), FIRST_RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void retry(Duration interval) {
        if (closed || tryStart(false)) {
            return;
        }
        Duration next = interval.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : interval.multipliedBy(2);
        retries.schedule(() -> retry(next), next.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized boolean tryStart(boolean first) {
        try {
            Coquille started = Coquille.builder().settings(settings).build();
            if (closed) {
                started.close();
                return true;
            }
            coquille = started;
            filter = CoquilleFilter.forProxy(started); // pages are held and decorated by the proxy behind it
            if (!first) {
                LOG.info("Coquille started: pages get their widgets again");
            }
            return true;
        } catch (RuntimeException e) {
            if (first) {
                LOG.error("Coquille could not start, so the intranet's pages go through the gateway as they are,"
                        + " without widgets, while it tries again in the background: {}", e.toString(), e);
            } else {
                LOG.debug("Coquille still cannot start: {}", e.toString());
            }
            return false;
        }
    }

    /** Whether Coquille runs, so that pages get widgets. */
    boolean started() {
        return filter != null;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        CoquilleFilter started = filter;
        if (started == null) {
            chain.doFilter(request, response);
        } else {
            started.doFilter(request, response, chain);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        retries.shutdownNow();
        if (coquille != null) {
            coquille.close();
        }
    }
}
