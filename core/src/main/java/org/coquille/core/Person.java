package org.coquille.core;

import java.util.Objects;

/**
 * A person as the company's directory knows them: how colleagues name them, where to write to them and where they
 * work. Without a directory (or for someone it does not list) a person is known by their user id alone.
 *
 * @param id          the user id, as the host knows it
 * @param displayName the name shown to colleagues, such as "Jean Dupont"; the id when the directory has none
 * @param email       their e-mail address, or {@code null}
 * @param department  their department (service), or {@code null}
 * @param site        their site or office, or {@code null}
 */
public record Person(String id, String displayName, String email, String department, String site) {

    public Person {
        Objects.requireNonNull(id, "id");
        displayName = blankToNull(displayName);
        if (displayName == null) {
            displayName = id;
        }
        email = blankToNull(email);
        department = blankToNull(department);
        site = blankToNull(site);
    }

    /** Someone the directory does not know (or no directory): the id alone. */
    public static Person unknown(String id) {
        return new Person(id, id, null, null, null);
    }

    /** Whether the directory knew more than the id. */
    public boolean isKnown() {
        return !displayName.equals(id) || email != null || department != null || site != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
