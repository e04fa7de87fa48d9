package org.duban.service.units;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.duban.model.Unit;
import org.duban.model.UnitKind;
import org.duban.service.io.CsvReader;

/** The default roster that a new database starts with: the units of Ningde, from {@code assets/roster}. */
public final class DefaultRoster {
    public static final String RESOURCE = "/assets/roster/units-ningde.csv";

    private DefaultRoster() {
    }

    /** The roster units (without ids) in document order. */
    public static List<Unit> units() {
        try (InputStream in = DefaultRoster.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            List<List<String>> rows = CsvReader.read(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Unit> units = new ArrayList<>();
            for (List<String> row : rows.subList(1, rows.size())) {
                if (row.size() < 3 || row.get(0).isBlank()) {
                    continue;
                }
                List<String> aliases = row.size() > 3 && !row.get(3).isBlank()
                        ? Arrays.stream(row.get(3).split(";")).map(String::strip).filter(a -> !a.isEmpty()).toList()
                        : List.of();
                units.add(new Unit(0, row.get(0).strip(), row.get(1).strip(), UnitKind.valueOf(row.get(2).strip()),
                        aliases, units.size() + 1));
            }
            return units;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
