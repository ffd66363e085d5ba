package org.coquille.core;

/**
 * What the people of one department did over a period, each person counted once under the department the directory
 * gave for them (the last one recorded). Departments hold different people, so the figures of several add up exactly.
 *
 * @param department   the department as the directory names it, or {@code null} for the people whose department is
 *                     not known (no directory, not listed, anonymous)
 * @param readers      different people who read a page
 * @param reactors     different people who made a light contribution: reacted, voted, answered a poll, voted for an
 *                     idea or answered a date poll
 * @param commenters   different people who wrote: commented or submitted an idea
 * @param contributors different people who did either
 */
public record DepartmentFigures(String department, long readers, long reactors, long commenters, long contributors) {

    public DepartmentFigures {
        if (readers < 0 || reactors < 0 || commenters < 0 || contributors < 0) {
            throw new IllegalArgumentException("Department figures cannot be negative");
        }
    }

    /** Contributors over readers, from 0 to 1 (0 when nobody read). */
    public double participationRate() {
        return readers == 0 ? 0 : (double) contributors / readers;
    }

    /**
     * The fewest different people these figures can be about: a reader may also contribute, so the larger of the
     * readers and the contributors.
     */
    public long people() {
        return Math.max(readers, contributors);
    }

    /** These figures and {@code other}'s, under {@code name}: exact, since no one is in two departments. */
    public DepartmentFigures plus(DepartmentFigures other, String name) {
        return new DepartmentFigures(name, readers + other.readers, reactors + other.reactors,
                commenters + other.commenters, contributors + other.contributors);
    }
}
