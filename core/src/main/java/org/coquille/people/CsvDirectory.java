package org.coquille.people;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.coquille.core.Person;
import org.coquille.spi.Directory;
import org.coquille.spi.DirectoryUnavailableException;

/**
 * A directory read from a CSV file, such as an HR export: one person a line, the first line naming the columns. The
 * file is read again when it changes, so a nightly export is picked up without a restart.
 */
final class CsvDirectory implements Directory {

    /** The column names of the id, display name, e-mail, department and site, in that order. */
    record Columns(String id, String name, String email, String department, String site) {

        Columns {
            Objects.requireNonNull(id, "id column");
        }
    }

    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES);

    private final Path file;
    private final Charset charset;
    private final char separator;
    private final Columns columns;
    private volatile Loaded loaded = new Loaded(null, Map.of());

    private record Loaded(FileTime modified, Map<String, Person> people) { }

    CsvDirectory(Path file, Charset charset, char separator, Columns columns) {
        this.file = Objects.requireNonNull(file, "file");
        this.charset = Objects.requireNonNull(charset, "charset");
        this.separator = separator;
        this.columns = Objects.requireNonNull(columns, "columns");
    }

    @Override
    public Optional<Person> find(String userId) {
        return Optional.ofNullable(current().people().get(userId));
    }

    @Override
    public String describe() {
        return "CSV file " + file;
    }

    private Loaded current() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            Loaded now = loaded;
            if (!modified.equals(now.modified())) {
                synchronized (this) {
                    now = loaded;
                    if (!modified.equals(now.modified())) {
                        now = new Loaded(modified, read());
                        loaded = now;
                    }
                }
            }
            return now;
        } catch (IOException | RuntimeException e) {
            throw new DirectoryUnavailableException("Cannot read the directory file " + file + ": " + e.getMessage(), e);
        }
    }

    private Map<String, Person> read() throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(separator);
        Map<String, Person> people = new HashMap<>();
        try (Reader reader = withoutByteOrderMark(Files.newBufferedReader(file, charset));
             MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class).with(schema).readValues(reader)) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                if (people.isEmpty() && !row.containsKey(columns.id())) {
                    throw new IOException("it has no column '" + columns.id() + "' (columns: " + row.keySet() + ")");
                }
                String id = row.get(columns.id());
                if (id != null && !id.isBlank()) {
                    people.put(id.strip(), new Person(id.strip(), cell(row, columns.name()), cell(row, columns.email()),
                            cell(row, columns.department()), cell(row, columns.site())));
                }
            }
        }
        return Map.copyOf(people);
    }

    private static String cell(Map<String, String> row, String column) {
        return column == null || column.isBlank() ? null : row.get(column);
    }

    /** Excel's UTF-8 exports start with a byte order mark, which would otherwise stick to the first column's name. */
    private static Reader withoutByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /** The columns an HR export usually has, as named in {@code coquille.directory.csv.columns}'s default. */
    static final List<String> DEFAULT_COLUMNS = List.of("id", "name", "email", "department", "site");
}
