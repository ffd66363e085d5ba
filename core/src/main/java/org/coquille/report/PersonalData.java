package org.coquille.report;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.coquille.core.UserData;
import org.coquille.spi.ActivityStore;
import org.coquille.spi.PersonalDataStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One person's data on their request: an export of everything they wrote or chose, and its erasure. An
 * erasure also swaps their pseudonymous key in the report's data for a random one, so the report's counts
 * stay right but nothing links them to the person any more.
 */
public final class PersonalData {

    private static final Logger LOG = LoggerFactory.getLogger(PersonalData.class);

    private final PersonalDataStore store;
    private final ActivityStore activity;
    private final Function<String, String> pseudonym;
    private final Runnable flushPending;
    private final SecureRandom random = new SecureRandom();
    private final List<PersonalDataHolder> holders = new CopyOnWriteArrayList<>();

    /**
     * @param pseudonym    the key under which a user id's views and contributions are counted
     * @param flushPending writes the counts still in memory, so that their keys are swapped too
     */
    public PersonalData(PersonalDataStore store, ActivityStore activity, Function<String, String> pseudonym,
            Runnable flushPending) {
        this.store = Objects.requireNonNull(store, "store");
        this.activity = Objects.requireNonNull(activity, "activity");
        this.pseudonym = Objects.requireNonNull(pseudonym, "pseudonym");
        this.flushPending = Objects.requireNonNull(flushPending, "flushPending");
    }

    /** Adds data kept outside the store (the directory's cache, notification choices) to exports and erasures. */
    public void alsoKeptBy(PersonalDataHolder holder) {
        holders.add(Objects.requireNonNull(holder, "holder"));
    }

    /** What is kept about {@code user} outside the store, by the name of its holder; only the holders with something. */
    public Map<String, Object> exportKeptElsewhere(String user) {
        Map<String, Object> kept = new LinkedHashMap<>();
        for (PersonalDataHolder holder : holders) {
            holder.export(user).ifPresent(value -> kept.put(holder.name(), value));
        }
        return kept;
    }

    /** Everything kept for {@code user}. */
    public UserData export(String user) {
        return store.userData(user);
    }

    /** Erases {@code user}'s comments' text, votes, answers and reactions, and unlinks their report key. */
    public void erase(String user) {
        flushPending.run();
        store.eraseUser(user);
        holders.forEach(holder -> holder.erase(user));
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        activity.replaceKey(pseudonym.apply(user), Base64.getUrlEncoder().withoutPadding().encodeToString(fresh));
        LOG.info("Coquille erased the data of one person on request");
    }
}
