package org.coquille.report;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Something outside the store that keeps data about a person (what the directory told, their notification choices),
 * so that {@link PersonalData}'s export shows it and its erasure forgets it.
 */
public interface PersonalDataHolder {

    /** The name of this part in an export, such as {@code "directory"}. */
    String name();

    /** What is kept about {@code userId}, as a value a JSON writer can write; empty when nothing is. */
    Optional<Object> export(String userId);

    /** Forgets everything kept about {@code userId}. */
    void erase(String userId);

    /** A holder from two functions. */
    static PersonalDataHolder of(String name, Function<String, Optional<?>> export, Consumer<String> erase) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(export, "export");
        Objects.requireNonNull(erase, "erase");
        return new PersonalDataHolder() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<Object> export(String userId) {
                return export.apply(userId).map(Object.class::cast);
            }

            @Override
            public void erase(String userId) {
                erase.accept(userId);
            }
        };
    }
}
