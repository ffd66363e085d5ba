package org.coquille.report;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.coquille.core.UserData;
import org.coquille.spi.ActivityStore;
import org.coquille.spi.DatePollStore;
import org.coquille.spi.PollStore;
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
    private PollStore polls;
    private DatePollStore datePolls;
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

    /** Where the polls' questions and the date polls' dates are read, for {@link #readable(String)}. */
    public void questions(PollStore pollStore, DatePollStore datePollStore) {
        this.polls = Objects.requireNonNull(pollStore, "pollStore");
        this.datePolls = Objects.requireNonNull(datePollStore, "datePollStore");
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

    /**
     * Everything kept for {@code user}, as they can read it: poll answers as their question and chosen answers, date
     * poll answers as the dates (answer numbers only when {@link #questions} was not given).
     */
    public PersonalExport readable(String user) {
        UserData data = export(user);
        return PersonalExport.of(data, id -> polls == null ? null : polls.poll(id),
                id -> datePolls == null ? null : datePolls.datePoll(id));
    }

    /**
     * The user ids that differ from {@code typed} only by case and have data, for a "did you mean": user ids are
     * compared exactly, so "Alice" finds nothing when the intranet logs people in as "alice".
     */
    public List<String> sameButCase(String typed) {
        String stripped = typed.strip();
        Set<String> candidates = new LinkedHashSet<>(List.of(stripped, stripped.toLowerCase(Locale.ROOT),
                stripped.toUpperCase(Locale.ROOT), stripped.isEmpty() ? stripped
                        : stripped.substring(0, 1).toUpperCase(Locale.ROOT) + stripped.substring(1).toLowerCase(Locale.ROOT)));
        candidates.remove(typed);
        return candidates.stream().filter(id -> !id.isEmpty() && !store.userData(id).isEmpty()).toList();
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
