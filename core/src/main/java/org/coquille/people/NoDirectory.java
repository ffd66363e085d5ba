package org.coquille.people;

import java.util.Optional;

import org.coquille.core.Person;
import org.coquille.spi.Directory;

/** No directory: everyone is known by their user id (the default, {@code coquille.directory=none}). */
final class NoDirectory implements Directory {

    @Override
    public Optional<Person> find(String userId) {
        return Optional.empty();
    }

    @Override
    public String describe() {
        return "none (user ids are shown)";
    }
}
