package org.coquille.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.LongFunction;

import org.coquille.core.Availability;
import org.coquille.core.Comment;
import org.coquille.core.DatePoll;
import org.coquille.core.DateSlot;
import org.coquille.core.Idea;
import org.coquille.core.PageId;
import org.coquille.core.Poll;
import org.coquille.core.UserData;

/**
 * One person's data as they can read it: {@link UserData} with each poll answer given as its question and the chosen
 * answers' text, and each date-poll answer as the poll's title and the dates with the availability given.
 *
 * @param user        the user id
 * @param answers     their poll answers, question and chosen answers in words
 * @param dateAnswers their date-poll answers, title and dates
 */
public record PersonalExport(String user, List<Comment> comments, List<UserData.Vote> votes, List<PollAnswer> answers,
                             List<UserData.Reaction> reactions, List<Idea> ideas, List<UserData.IdeaVote> ideaVotes,
                             List<DateAnswer> dateAnswers) {

    /**
     * An answer to a poll.
     *
     * @param question the poll's question, or {@code null} if the poll is gone
     * @param chosen   the chosen answers' text (their numbers from 1 if the poll is gone)
     */
    public record PollAnswer(long poll, PageId page, String question, List<String> chosen, Instant at) { }

    /**
     * An answer to a date poll.
     *
     * @param title the date poll's title, or {@code null} if it is gone
     * @param dates the dates answered, in order
     */
    public record DateAnswer(long poll, PageId page, String title, List<DateAvailability> dates) { }

    /** The availability given for one date ({@code null} start and end if the date poll is gone). */
    public record DateAvailability(int date, Instant start, Instant end, Availability availability) { }

    /** {@code data} with its answers in words, each poll found by its id (or {@code null} if gone). */
    static PersonalExport of(UserData data, LongFunction<Poll> polls, LongFunction<DatePoll> datePolls) {
        Objects.requireNonNull(data, "data");
        List<PollAnswer> answers = new ArrayList<>();
        for (UserData.Answer a : data.answers()) {
            Poll poll = polls.apply(a.poll());
            List<String> chosen = a.options().stream().sorted().map(i -> poll != null && i < poll.options().size()
                    ? poll.options().get(i) : String.valueOf(i + 1)).toList();
            answers.add(new PollAnswer(a.poll(), a.page(), poll == null ? null : poll.question(), chosen, a.at()));
        }
        List<DateAnswer> dateAnswers = new ArrayList<>();
        for (UserData.DateAnswer a : data.dateAnswers()) {
            DatePoll poll = datePolls.apply(a.poll());
            List<DateAvailability> dates = new ArrayList<>();
            for (Map.Entry<Integer, Availability> e : new TreeMap<>(a.slots()).entrySet()) {
                DateSlot slot = poll != null && e.getKey() < poll.slots().size() ? poll.slots().get(e.getKey()) : null;
                dates.add(new DateAvailability(e.getKey() + 1, slot == null ? null : slot.start(),
                        slot == null ? null : slot.end(), e.getValue()));
            }
            dateAnswers.add(new DateAnswer(a.poll(), a.page(), poll == null ? null : poll.title(), dates));
        }
        return new PersonalExport(data.user(), data.comments(), data.votes(), answers, data.reactions(), data.ideas(),
                data.ideaVotes(), dateAnswers);
    }
}
