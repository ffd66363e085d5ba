package org.coquille.people;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.coquille.core.DisplayNames;
import org.coquille.core.Person;
import org.coquille.spi.Directory;
import org.coquille.spi.DirectoryUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a user id is, from the directory, cached and refreshed in the background. Fail-open: while the directory does
 * not answer, people are known by their ids, nothing waits for it (it is asked again after a pause) and one line is
 * logged when it stops answering, another when it is back.
 */
public final class People implements DisplayNames, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(People.class);
    private static final int MAX_PEOPLE = 100_000;

    private final Directory directory;
    private final LongSupplier nanos;
    private final long pauseNanos;
    private final LoadingCache<String, Person> cache;
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicLong askAgainAt = new AtomicLong(Long.MIN_VALUE);

    /**
     * @param refresh how long an answer is used before it is asked again (in the background; the old answer meanwhile)
     * @param pause   how long a directory that did not answer is left alone
     * @param nanos   the time source, as {@link System#nanoTime()}
     */
    public People(Directory directory, Duration refresh, Duration pause, LongSupplier nanos) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.nanos = Objects.requireNonNull(nanos, "nanos");
        this.pauseNanos = pause.toNanos();
        this.cache = Caffeine.newBuilder().maximumSize(MAX_PEOPLE).ticker(nanos::getAsLong)
                .refreshAfterWrite(refresh).expireAfterWrite(refresh.multipliedBy(24))
                .build(this::ask);
    }

    /** Nobody's directory: everyone is their id. */
    public static People none() {
        return new People(new NoDirectory(), Duration.ofDays(1), Duration.ofMinutes(1), System::nanoTime);
    }

    /** Whether a directory is configured at all. */
    public boolean hasDirectory() {
        return !(directory instanceof NoDirectory);
    }

    /** Who {@code userId} is; their id alone when the directory does not list them or does not answer. Never throws. */
    public Person person(String userId) {
        if (userId == null || userId.isEmpty()) {
            return Person.unknown(userId == null ? "" : userId);
        }
        try {
            return cache.get(userId);
        } catch (DirectoryUnavailableException e) {
            return Person.unknown(userId);
        } catch (RuntimeException e) {
            LOG.debug("Directory lookup of one person failed", e);
            return Person.unknown(userId);
        }
    }

    @Override
    public String of(String userId) {
        return person(userId).displayName();
    }

    /** What is cached about {@code userId}, for their data export; empty when nothing is. */
    public Optional<Person> cached(String userId) {
        return Optional.ofNullable(cache.getIfPresent(userId)).filter(Person::isKnown);
    }

    /** Forgets what is cached about {@code userId} (their data was erased). */
    public void forget(String userId) {
        cache.invalidate(userId);
    }

    /** The directory, for logs. */
    public String describe() {
        return directory.describe();
    }

    private Person ask(String userId) {
        long now = nanos.getAsLong();
        if (down.get() && now - askAgainAt.get() < 0) {
            throw new DirectoryUnavailableException("left alone after a failure", null);
        }
        try {
            Person found = directory.find(userId).orElseGet(() -> Person.unknown(userId));
            if (down.compareAndSet(true, false)) {
                LOG.info("Coquille's directory ({}) answers again: display names are back", directory.describe());
            }
            return found;
        } catch (RuntimeException e) {
            askAgainAt.set(now + pauseNanos);
            if (down.compareAndSet(false, true)) {
                LOG.warn("Coquille's directory ({}) does not answer, so user ids are shown instead of names until it "
                        + "does: {}", directory.describe(), e.getMessage());
            }
            throw e instanceof DirectoryUnavailableException d ? d
                    : new DirectoryUnavailableException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        directory.close();
    }
}
