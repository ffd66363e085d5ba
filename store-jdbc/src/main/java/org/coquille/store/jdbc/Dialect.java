package org.coquille.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The few statements that differ between the databases the JDBC store runs on: upserts, inserts that
 * skip existing rows, and how a generated id is asked for. Everything else is portable SQL.
 */
enum Dialect {

    H2("H2", "h2") {
        @Override
        String upsert(String table, List<String> keys, List<String> values) {
            return "MERGE INTO " + table + " (" + columns(keys, values) + ") KEY (" + String.join(", ", keys)
                    + ") VALUES (" + marks(keys.size() + values.size()) + ")";
        }

        @Override
        String insertIfAbsent(String table, List<String> keys, List<String> values) {
            return mergeUsing(table, keys, values) + notMatched(keys, values);
        }

        @Override
        String addTo(String table, List<String> keys, String counter) {
            return mergeUsing(table, keys, List.of(counter))
                    + " WHEN MATCHED THEN UPDATE SET " + counter + " = t." + counter + " + s." + counter
                    + notMatched(keys, List.of(counter));
        }

        @Override
        String[] idColumn() {
            return new String[] {"ID"};
        }

        @Override
        String weekStart(String dateColumn) {
            return "DATEADD(DAY, 1 - ISO_DAY_OF_WEEK(" + dateColumn + "), " + dateColumn + ")";
        }

        private String mergeUsing(String table, List<String> keys, List<String> values) {
            String on = keys.stream().map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" AND "));
            return "MERGE INTO " + table + " t USING (VALUES (" + marks(keys.size() + values.size()) + ")) s ("
                    + columns(keys, values) + ") ON " + on;
        }

        private String notMatched(List<String> keys, List<String> values) {
            List<String> all = all(keys, values);
            return " WHEN NOT MATCHED THEN INSERT (" + String.join(", ", all) + ") VALUES ("
                    + all.stream().map(c -> "s." + c).collect(Collectors.joining(", ")) + ")";
        }
    },

    POSTGRESQL("PostgreSQL", "postgresql") {
        @Override
        String upsert(String table, List<String> keys, List<String> values) {
            return insert(table, keys, values) + " ON CONFLICT (" + String.join(", ", keys) + ") DO UPDATE SET "
                    + values.stream().map(v -> v + " = EXCLUDED." + v).collect(Collectors.joining(", "));
        }

        @Override
        String insertIfAbsent(String table, List<String> keys, List<String> values) {
            return insert(table, keys, values) + " ON CONFLICT (" + String.join(", ", keys) + ") DO NOTHING";
        }

        @Override
        String addTo(String table, List<String> keys, String counter) {
            return insert(table, keys, List.of(counter)) + " ON CONFLICT (" + String.join(", ", keys)
                    + ") DO UPDATE SET " + counter + " = " + table + "." + counter + " + EXCLUDED." + counter;
        }

        @Override
        String weekStart(String dateColumn) {
            return "CAST(DATE_TRUNC('week', " + dateColumn + ") AS DATE)";
        }
    },

    MARIADB("MariaDB", "mariadb") {
        @Override
        String upsert(String table, List<String> keys, List<String> values) {
            return insert(table, keys, values) + " ON DUPLICATE KEY UPDATE "
                    + values.stream().map(v -> v + " = VALUES(" + v + ")").collect(Collectors.joining(", "));
        }

        @Override
        String insertIfAbsent(String table, List<String> keys, List<String> values) {
            // The store checks lengths first: INSERT IGNORE would otherwise truncate instead of failing.
            return "INSERT IGNORE" + insert(table, keys, values).substring("INSERT".length());
        }

        @Override
        String addTo(String table, List<String> keys, String counter) {
            return insert(table, keys, List.of(counter)) + " ON DUPLICATE KEY UPDATE " + counter + " = "
                    + counter + " + VALUES(" + counter + ")";
        }

        @Override
        String weekStart(String dateColumn) {
            return "DATE_SUB(" + dateColumn + ", INTERVAL WEEKDAY(" + dateColumn + ") DAY)";
        }
    };

    private final String product;
    private final String folder;

    Dialect(String product, String folder) {
        this.product = product;
        this.folder = folder;
    }

    /** The dialect of the database that metadata names, or an {@link IllegalStateException} naming the supported ones. */
    static Dialect of(String productName, String productVersion) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        String version = productVersion == null ? "" : productVersion.toLowerCase(Locale.ROOT);
        if (name.equals("h2")) {
            return H2;
        }
        if (name.equals("postgresql")) {
            return POSTGRESQL;
        }
        if (name.equals("mariadb") || name.equals("mysql") && version.contains("mariadb")) {
            return MARIADB;
        }
        throw new IllegalStateException("Coquille's JDBC store does not support " + productName + " " + productVersion
                + "; it runs on H2, PostgreSQL and MariaDB");
    }

    /** The database's name, for messages. */
    String product() {
        return product;
    }

    /** Where this database's Flyway migrations are. */
    String migrations() {
        return "classpath:coquille/db/migration/" + folder;
    }

    /**
     * Inserts a row or, when one with the same keys exists, replaces its values. Parameters: the keys, then
     * the values, in the order given.
     */
    abstract String upsert(String table, List<String> keys, List<String> values);

    /**
     * Inserts a row unless one with the same keys exists; the update count says whether it did. Parameters:
     * the keys, then the values.
     */
    abstract String insertIfAbsent(String table, List<String> keys, List<String> values);

    /** Inserts a row with a counter, or adds to the counter of the existing row. Parameters: the keys, then the amount. */
    abstract String addTo(String table, List<String> keys, String counter);

    /** An expression for the Monday of the week of {@code dateColumn}'s date, a DATE. */
    abstract String weekStart(String dateColumn);

    /** The generated-key column of the tables with an identity column, as the driver wants it named. */
    String[] idColumn() {
        return new String[] {"id"};
    }

    static String insert(String table, List<String> keys, List<String> values) {
        return "INSERT INTO " + table + " (" + columns(keys, values) + ") VALUES ("
                + marks(keys.size() + values.size()) + ")";
    }

    private static String columns(List<String> keys, List<String> values) {
        return String.join(", ", all(keys, values));
    }

    private static List<String> all(List<String> keys, List<String> values) {
        List<String> all = new ArrayList<>(keys);
        all.addAll(values);
        return all;
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
