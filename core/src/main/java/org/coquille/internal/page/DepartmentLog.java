package org.coquille.internal.page;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.coquille.spi.ActivityStore;
import org.coquille.spi.StoreDownException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records under which department each person's pseudonymous key is counted, for the report by department. On the
 * request thread it only notes whom it saw (once a day per person); off it, with the counts, it asks the directory
 * (through its cache) and writes the departments. Fail-open: a person the directory does not place (not listed, or the
 * directory down) is not written, and is asked about again the next time they are seen.
 */
public final class DepartmentLog {

    private static final Logger LOG = LoggerFactory.getLogger(DepartmentLog.class);
    private static final int MAX_PENDING = 100_000;
    private static final int MAX_DEPARTMENT_LENGTH = 200;
    /** How many people one flush asks the directory about at most; the others wait for the next (a cold LDAP cache). */
    private static final int MAX_ASKED = 1_000;

    private final ActivityStore store;
    private final Function<String, String> departmentOf;
    private final Clock clock;
    private final ZoneId zone;
    /** Key to user id, waiting for the next flush. */
    private volatile Map<String, String> pending = new ConcurrentHashMap<>();
    /** The keys written on {@link #writtenOn}. */
    private volatile Set<String> written = ConcurrentHashMap.newKeySet();
    private volatile LocalDate writtenOn;

    /** @param departmentOf a user id's department as the directory gives it, or {@code null}; never throws */
    public DepartmentLog(ActivityStore store, Function<String, String> departmentOf, Clock clock, ZoneId zone) {
        this.store = store;
        this.departmentOf = departmentOf;
        this.clock = clock;
        this.zone = zone;
    }

    /** The person {@code userId}, counted under {@code key}, was seen: cheap, never touches the directory or the store. */
    public void seen(String userId, String key) {
        if (userId == null || written.contains(key)) {
            return;
        }
        Map<String, String> now = pending;
        if (now.size() < MAX_PENDING) {
            now.putIfAbsent(key, userId);
        }
    }

    /** Asks the directory for the departments of the people seen since the last flush, and writes them. */
    public synchronized void flush() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (!today.equals(writtenOn)) {
            written = ConcurrentHashMap.newKeySet(); // once a day, so the day each key was last seen stays right
            writtenOn = today;
        }
        if (pending.isEmpty()) {
            return;
        }
        Map<String, String> taken = pending;
        pending = new ConcurrentHashMap<>();
        Map<String, String> placed = new HashMap<>();
        int asked = 0;
        for (Map.Entry<String, String> seen : taken.entrySet()) {
            if (asked++ >= MAX_ASKED) {
                pending.putIfAbsent(seen.getKey(), seen.getValue());
                continue;
            }
            String department = departmentOf.apply(seen.getValue());
            if (department != null) {
                placed.put(seen.getKey(), department.length() > MAX_DEPARTMENT_LENGTH
                        ? department.substring(0, MAX_DEPARTMENT_LENGTH) : department);
            }
        }
        if (placed.isEmpty()) {
            return;
        }
        try {
            store.placeInDepartments(today, placed);
            if (written.size() < MAX_PENDING * 2) {
                written.addAll(placed.keySet());
            }
        } catch (RuntimeException e) {
            if (!(e instanceof StoreDownException)) {
                LOG.warn("Could not write the departments of {} people to the store; they will be tried again: {}",
                        placed.size(), e.toString());
            }
            taken.forEach((key, userId) -> pending.putIfAbsent(key, userId));
        }
    }
}
