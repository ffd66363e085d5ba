package org.coquille.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coquille.spi.ContractFixtures.T0;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.coquille.core.Delivery;
import org.coquille.core.NotificationChoice;
import org.coquille.core.NotificationKind;
import org.coquille.core.OutboxEntry;
import org.coquille.core.OutboxEntry.Status;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link OutboxStore} must have: entries claimed once, even by racing senders; a lease that ends
 * gives an entry to another sender; retries wait for their time; choices and follows kept. Part of
 * {@link SocialStoreContract}.
 */
public interface OutboxStoreContract {

    /** The store under test, fresh and empty for each test. */
    SocialStore store();

    private OutboxStore outbox() {
        return store().outbox();
    }

    private static OutboxEntry reply(String to, java.time.Instant due) {
        return OutboxEntry.pending(to, NotificationKind.REPLY, "{\"comment\":1,\"text\":\"Très bien 👍\"}", T0, due, false);
    }

    @Test
    default void aDueEntryIsClaimedOnceThenSent() {
        OutboxEntry now = outbox().enqueue(reply("alice", T0));
        OutboxEntry later = outbox().enqueue(reply("alice", T0.plusSeconds(3600)));
        assertThat(now.id()).isPositive().isNotEqualTo(later.id());

        List<OutboxEntry> claimed = outbox().claim(T0.plusSeconds(1), Duration.ofMinutes(5), "node-a", 10);
        assertThat(claimed).extracting(OutboxEntry::id).containsExactly(now.id());
        assertThat(claimed.get(0).status()).isEqualTo(Status.CLAIMED);
        assertThat(claimed.get(0).payload()).isEqualTo("{\"comment\":1,\"text\":\"Très bien 👍\"}");
        assertThat(outbox().claim(T0.plusSeconds(2), Duration.ofMinutes(5), "node-b", 10)).as("held by node-a").isEmpty();

        assertThat(outbox().markSent(now.id(), "node-b", T0.plusSeconds(3))).as("not node-b's").isFalse();
        assertThat(outbox().markSent(now.id(), "node-a", T0.plusSeconds(3))).isTrue();
        assertThat(outbox().markSent(now.id(), "node-a", T0.plusSeconds(4))).as("once").isFalse();
        assertThat(outbox().claim(T0.plusSeconds(3599), Duration.ofMinutes(5), "node-a", 10)).isEmpty();
        assertThat(outbox().entriesFor("alice")).extracting(OutboxEntry::status).containsExactly(Status.SENT, Status.PENDING);
        assertThat(outbox().entriesFor("bruno")).isEmpty();
    }

    @Test
    default void anEntryWhoseLeaseEndedGoesToAnotherSender() {
        OutboxEntry entry = outbox().enqueue(reply("alice", T0));
        assertThat(outbox().claim(T0, Duration.ofMinutes(1), "node-a", 10)).hasSize(1);
        assertThat(outbox().claim(T0.plusSeconds(30), Duration.ofMinutes(1), "node-b", 10)).isEmpty();
        assertThat(outbox().claim(T0.plusSeconds(61), Duration.ofMinutes(1), "node-b", 10)).extracting(OutboxEntry::id)
                .containsExactly(entry.id());
        assertThat(outbox().markSent(entry.id(), "node-a", T0.plusSeconds(62))).as("node-a lost it").isFalse();
        assertThat(outbox().markSent(entry.id(), "node-b", T0.plusSeconds(62))).isTrue();
    }

    @Test
    default void aFailedSendWaitsForItsRetryAndCountsTheAttempt() {
        OutboxEntry entry = outbox().enqueue(reply("alice", T0));
        outbox().claim(T0, Duration.ofMinutes(1), "node-a", 10);
        assertThat(outbox().retryLater(entry.id(), "node-a", T0.plusSeconds(120), "Connection refused")).isTrue();
        assertThat(outbox().claim(T0.plusSeconds(119), Duration.ofMinutes(1), "node-a", 10)).isEmpty();
        List<OutboxEntry> again = outbox().claim(T0.plusSeconds(120), Duration.ofMinutes(1), "node-a", 10);
        assertThat(again).singleElement().satisfies(e -> {
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.lastError()).isEqualTo("Connection refused");
            assertThat(e.due()).isEqualTo(T0.plusSeconds(120));
        });
        assertThat(outbox().drop(entry.id(), "node-a", "gave up")).isTrue();
        assertThat(outbox().claim(T0.plusSeconds(9999), Duration.ofMinutes(1), "node-a", 10)).isEmpty();
        assertThat(outbox().entriesFor("alice")).extracting(OutboxEntry::status).containsExactly(Status.DROPPED);
    }

    @Test
    default void racingSendersClaimEachEntryOnce() throws Exception {
        for (int i = 0; i < 40; i++) {
            outbox().enqueue(reply("user" + (i % 5), T0.plusMillis(i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int n = 0; n < 4; n++) {
                String claimer = "node-" + n;
                Callable<List<Long>> sender = () -> {
                    List<Long> mine = new ArrayList<>();
                    List<OutboxEntry> batch;
                    while (!(batch = outbox().claim(T0.plusSeconds(10), Duration.ofMinutes(5), claimer, 3)).isEmpty()) {
                        for (OutboxEntry e : batch) {
                            mine.add(e.id());
                            assertThat(outbox().markSent(e.id(), claimer, T0.plusSeconds(10))).isTrue();
                        }
                    }
                    return mine;
                };
                results.add(pool.submit(sender));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> r : results) {
                all.addAll(r.get());
            }
            assertThat(all).hasSize(40).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    default void choicesAreKeptAndReplaced() {
        assertThat(outbox().choice("alice")).isEmpty();
        outbox().saveChoice(new NotificationChoice("alice", Delivery.DAILY, "fr"));
        outbox().saveChoice(new NotificationChoice("bruno", Delivery.NONE, "en"));
        outbox().saveChoice(new NotificationChoice("alice", Delivery.IMMEDIATE, "en"));
        assertThat(outbox().choice("alice")).contains(new NotificationChoice("alice", Delivery.IMMEDIATE, "en"));
        assertThat(outbox().choice("bruno")).contains(new NotificationChoice("bruno", Delivery.NONE, "en"));
    }

    @Test
    default void followingTwiceIsFollowingOnce() {
        outbox().follow("datepoll:7", "alice");
        outbox().follow("datepoll:7", "alice");
        outbox().follow("datepoll:7", "bruno");
        outbox().follow("datepoll:8", "alice");
        assertThat(outbox().followers("datepoll:7")).containsExactlyInAnyOrder("alice", "bruno");
        assertThat(outbox().followed("alice")).containsExactlyInAnyOrder("datepoll:7", "datepoll:8");
        assertThat(outbox().followers("datepoll:9")).isEmpty();
    }

    @Test
    default void erasingSomeoneLeavesTheOthers() {
        outbox().enqueue(reply("alice", T0));
        outbox().enqueue(reply("bruno", T0));
        outbox().saveChoice(new NotificationChoice("alice", Delivery.DAILY, "fr"));
        outbox().follow("datepoll:7", "alice");
        outbox().follow("datepoll:7", "bruno");

        outbox().eraseRecipient("alice");
        assertThat(outbox().entriesFor("alice")).isEmpty();
        assertThat(outbox().choice("alice")).isEmpty();
        assertThat(outbox().followers("datepoll:7")).isEqualTo(Set.of("bruno"));
        assertThat(outbox().entriesFor("bruno")).hasSize(1);
    }
}
