package org.coquille.core;

import java.util.List;
import java.util.Objects;

/**
 * A poll to find a date: participants answer yes, if need be or no for each slot; an editor closes it by
 * choosing one slot. Slots are referred to by their index in {@link #slots()}.
 *
 * @param id     the store's id, positive (0 for a poll not yet stored)
 * @param page   the page it is shown on
 * @param title  what the date is for ("Team lunch")
 * @param slots  the slots offered, in display order
 * @param chosen the index of the slot an editor chose, which closes the poll; {@code null} while open
 */
public record DatePoll(long id, PageId page, String title, List<DateSlot> slots, Integer chosen) {

    public DatePoll {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(title, "title");
        slots = List.copyOf(slots);
    }

    public boolean closed() {
        return chosen != null;
    }

    /** The chosen slot, or {@code null} while the poll is open. */
    public DateSlot chosenSlot() {
        return chosen == null ? null : slots.get(chosen);
    }

    public DatePoll withId(long newId) {
        return new DatePoll(newId, page, title, slots, chosen);
    }

    public DatePoll withChosen(Integer slot) {
        return new DatePoll(id, page, title, slots, slot);
    }
}
