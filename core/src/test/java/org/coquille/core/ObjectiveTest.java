package org.coquille.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** An objective's rules: what the console's form and the settings file may give, and the messages for the rest. */
class ObjectiveTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    private static String messageOf(Runnable parse) {
        try {
            parse.run();
        } catch (RuleViolation e) {
            assertThat(e.kind()).isEqualTo(RuleViolation.Kind.INVALID);
            return e.message(Locale.ENGLISH);
        }
        throw new AssertionError("no rule broken");
    }

    @Test
    void parsesEveryFieldAndTrimsThem() {
        assertThat(Objective.parse(" ideas ", "  Menu ideas ", " 30 ", " 2026-03-31 ", TODAY))
                .isEqualTo(new Objective(Objective.Purpose.IDEAS, "Menu ideas", 30, LocalDate.of(2026, 3, 31), TODAY));
        assertThat(Objective.parse("event", "", "", "", TODAY))
                .isEqualTo(new Objective(Objective.Purpose.EVENT, null, null, null, TODAY));
    }

    @Test
    void nothingGivenIsNoObjective() {
        assertThat(Objective.parse(null, null, null, null, TODAY)).isNull();
        assertThat(Objective.parse("", " ", "", "", TODAY)).isNull();
    }

    @Test
    void targetIsAWholeNumberFromOneToOneHundredThousand() {
        assertThat(Objective.parse("ideas", null, "1", null, TODAY).target()).isEqualTo(1);
        assertThat(Objective.parse("ideas", null, "100000", null, TODAY).target()).isEqualTo(100_000);
        for (String bad : new String[] {"0", "-3", "100001", "thirty", "2.5", "99999999999"}) {
            assertThat(messageOf(() -> Objective.parse("ideas", null, bad, null, TODAY)))
                    .isEqualTo("The target \"" + bad + "\" is not a number of contributors: give a whole number"
                            + " from 1 to 100000, or leave it empty.");
        }
    }

    @Test
    void endDateIsARealIsoDate() {
        assertThat(messageOf(() -> Objective.parse("ideas", null, null, "2026-02-30", TODAY)))
                .isEqualTo("The end date \"2026-02-30\" is not a date: write it as 2026-03-31, or leave it empty.");
        assertThat(messageOf(() -> Objective.parse("ideas", null, null, "31/03/2026", TODAY))).contains("31/03/2026");
    }

    @Test
    void otherNeedsADescriptionAndDescriptionsAreBounded() {
        assertThat(messageOf(() -> Objective.parse("other", " ", null, null, TODAY)))
                .isEqualTo("Describe the objective in a few words: \"Other\" needs a description.");
        assertThat(Objective.parse("other", "Test search", null, null, TODAY).text()).isEqualTo("Test search");
        assertThat(messageOf(() -> Objective.parse("feedback", "x".repeat(201), null, null, TODAY)))
                .isEqualTo("The description has 201 characters; at most 200 are allowed.");
        assertThat(Objective.parse("feedback", "x".repeat(200), null, null, TODAY).text()).hasSize(200);
    }

    @Test
    void unknownPurposeOrFieldsWithoutPurposeAreRefused() {
        assertThat(messageOf(() -> Objective.parse("fun", null, null, null, TODAY)))
                .isEqualTo("\"fun\" is not an objective: choose ideas, feedback, opinion, event or other.");
        assertThat(messageOf(() -> Objective.parse("", null, "30", null, TODAY)))
                .startsWith("A description, target or end date needs an objective");
    }

    @Test
    void frenchMessagesToo() {
        RuleViolation e = org.junit.jupiter.api.Assertions.assertThrows(RuleViolation.class,
                () -> Objective.parse("ideas", null, "0", null, TODAY));
        assertThat(e.message(Locale.FRENCH)).isEqualTo("La cible « 0 » n’est pas un nombre de contributeurs : donnez un"
                + " nombre entier de 1 à 100000, ou laissez le champ vide.");
    }

    @Test
    void keepsItsStartWhileThePurposeStays() {
        Objective before = new Objective(Objective.Purpose.IDEAS, null, 30, null, LocalDate.of(2026, 1, 5));
        Objective newTarget = new Objective(Objective.Purpose.IDEAS, null, 50, LocalDate.of(2026, 6, 30), TODAY);
        assertThat(newTarget.continuing(before).since()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(newTarget.continuing(before).target()).isEqualTo(50);
        Objective otherPurpose = new Objective(Objective.Purpose.EVENT, null, 50, null, TODAY);
        assertThat(otherPurpose.continuing(before).since()).isEqualTo(TODAY);
        assertThat(newTarget.continuing(null)).isSameAs(newTarget);
    }

    @Test
    void constructorChecksTheTargetToo() {
        assertThatThrownBy(() -> new Objective(Objective.Purpose.IDEAS, null, 0, null, TODAY))
                .isInstanceOf(RuleViolation.class);
    }
}
