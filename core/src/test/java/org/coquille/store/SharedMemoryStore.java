package org.coquille.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.coquille.spi.ActivityStore;
import org.coquille.spi.AuditStore;
import org.coquille.spi.ChangeChannel;
import org.coquille.spi.ChangeNotice;
import org.coquille.spi.CommentStore;
import org.coquille.spi.DatePollStore;
import org.coquille.spi.IdeaStore;
import org.coquille.spi.PageCatalogueStore;
import org.coquille.spi.PageStore;
import org.coquille.spi.PersonalDataStore;
import org.coquille.spi.PollStore;
import org.coquille.spi.ReactionStore;
import org.coquille.spi.SettingsStore;
import org.coquille.spi.SocialStore;
import org.coquille.spi.ViewStore;
import org.coquille.spi.VoteStore;

/**
 * One node's view of a {@link MemoryStore} that several nodes share, with a {@link ChangeChannel} on an in-memory
 * {@link Hub} that delivers each notice to every node at once, or holds them back (a late channel) until released.
 */
public final class SharedMemoryStore implements SocialStore {

    /** The nodes' shared channel. */
    public static final class Hub {
        private final List<ChangeChannel.Listener> listeners = new CopyOnWriteArrayList<>();
        private final List<ChangeNotice> held = new ArrayList<>();
        private boolean holding;

        public synchronized void hold() {
            holding = true;
        }

        /** Delivers what was held back, and everything from now on at once. */
        public void release() {
            List<ChangeNotice> late;
            synchronized (this) {
                holding = false;
                late = List.copyOf(held);
                held.clear();
            }
            late.forEach(this::deliver);
        }

        /** Drops what was held back (lost with the channel), and delivers everything from now on at once. */
        synchronized void discard() {
            holding = false;
            held.clear();
        }

        void lose() {
            listeners.forEach(ChangeChannel.Listener::lost);
        }

        void restore() {
            listeners.forEach(ChangeChannel.Listener::restored);
        }

        private void publish(ChangeNotice notice) {
            synchronized (this) {
                if (holding) {
                    held.add(notice);
                    return;
                }
            }
            deliver(notice);
        }

        private void deliver(ChangeNotice notice) {
            listeners.forEach(l -> l.received(notice));
        }
    }

    private final MemoryStore store;
    private final ChangeChannel channel;

    public SharedMemoryStore(MemoryStore store, Hub hub) {
        this.store = store;
        this.channel = new ChangeChannel() {
            @Override
            public void publish(ChangeNotice notice) {
                hub.publish(notice);
            }

            @Override
            public void listen(Listener listener) {
                hub.listeners.add(listener);
            }
        };
    }

    @Override
    public ChangeChannel changes() {
        return channel;
    }

    @Override
    public PageStore pages() {
        return store.pages();
    }

    @Override
    public CommentStore comments() {
        return store.comments();
    }

    @Override
    public VoteStore votes() {
        return store.votes();
    }

    @Override
    public PollStore polls() {
        return store.polls();
    }

    @Override
    public ReactionStore reactions() {
        return store.reactions();
    }

    @Override
    public ViewStore views() {
        return store.views();
    }

    @Override
    public PageCatalogueStore catalogue() {
        return store.catalogue();
    }

    @Override
    public SettingsStore settings() {
        return store.settings();
    }

    @Override
    public AuditStore audit() {
        return store.audit();
    }

    @Override
    public ActivityStore activity() {
        return store.activity();
    }

    @Override
    public PersonalDataStore personalData() {
        return store.personalData();
    }

    @Override
    public IdeaStore ideas() {
        return store.ideas();
    }

    @Override
    public DatePollStore datePolls() {
        return store.datePolls();
    }

    @Override
    public String describe() {
        return "memory, shared";
    }

    @Override
    public void close() {
        // the shared store outlives each node
    }
}
