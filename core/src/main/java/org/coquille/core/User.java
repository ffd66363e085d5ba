package org.coquille.core;

import java.util.Objects;

/**
 * The person making a request, as the host's identity says.
 *
 * @param id     the user id, as the host knows it
 * @param editor whether they hold the editor role
 */
public record User(String id, boolean editor) {

    /** The longest user id accepted, in characters. */
    public static final int MAX_ID_LENGTH = 200;
    /** The author left on what a person wrote once their data is erased; no user has this id. */
    public static final String ERASED_ID = "";

    public User {
        Objects.requireNonNull(id, "user id");
        if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("A user id has 1 to " + MAX_ID_LENGTH + " characters");
        }
    }

    public static User employee(String id) {
        return new User(id, false);
    }

    public static User editor(String id) {
        return new User(id, true);
    }
}
