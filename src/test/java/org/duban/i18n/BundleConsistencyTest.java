package org.duban.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.duban.model.MeetingKind;
import org.duban.model.TaskStatus;
import org.duban.service.tasks.TaskField;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every key in both languages, every key the code names present, every pattern well-formed. */
class BundleConsistencyTest {

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundleConsistencyTest.class.getResourceAsStream(resource)) {
            assertTrue(in != null, resource);
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages", "cli"})
    void chineseAndEnglishHaveTheSameKeys(String bundle) throws IOException {
        Set<String> zh = new TreeSet<>(load("/org/duban/i18n/" + bundle + ".properties").stringPropertyNames());
        Set<String> en = new TreeSet<>(load("/org/duban/i18n/" + bundle + "_en.properties").stringPropertyNames());
        Set<String> onlyZh = new TreeSet<>(zh);
        onlyZh.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(zh);
        assertTrue(onlyZh.isEmpty(), "missing in " + bundle + "_en: " + onlyZh);
        assertTrue(onlyEn.isEmpty(), "missing in " + bundle + " (Chinese): " + onlyEn);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/org/duban/i18n/messages.properties", "/org/duban/i18n/messages_en.properties"})
    void everyPatternIsAValidMessageFormat(String resource) throws IOException {
        Properties p = load(resource);
        for (String key : p.stringPropertyNames()) {
            String pattern = p.getProperty(key);
            new MessageFormat(pattern, Locale.ROOT); // throws on a broken pattern
            if (!pattern.contains("{")) {
                assertTrue(!pattern.contains("'") || pattern.contains("''"), key + ": write an apostrophe as ''");
            } else {
                // with arguments a lone ' starts a quoted run that swallows the text (and the {n}) up to the next '
                String rest = pattern.replace("''", "").replaceAll("'\\{[^}']*\\}'", "");
                assertTrue(!rest.contains("'"), key + ": write an apostrophe as '' (" + pattern + ")");
            }
        }
    }

    @Test
    void chineseIsTheDefaultWhateverTheMachineLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            assertEquals("任务清单", Messages.load(Messages.CHINESE).getString("nav.tasks"));
            assertEquals("Tasks", Messages.load(Locale.ENGLISH).getString("nav.tasks"));
        } finally {
            Locale.setDefault(before);
        }
    }

    /** Keys the code builds from enums: status.X, meeting.kind.X, task.field.x. */
    @Test
    void enumKeysExist() throws IOException {
        for (String bundle : new String[] {"/org/duban/i18n/messages.properties", "/org/duban/i18n/messages_en.properties"}) {
            Properties p = load(bundle);
            for (TaskStatus s : TaskStatus.values()) {
                assertTrue(p.containsKey("status." + s.name()), bundle + " status." + s.name());
            }
            for (MeetingKind k : MeetingKind.values()) {
                assertTrue(p.containsKey("meeting.kind." + k.name()), bundle + " meeting.kind." + k.name());
            }
            for (TaskField f : TaskField.values()) {
                assertTrue(p.containsKey(f.labelKey()), bundle + " " + f.labelKey());
            }
            for (org.duban.model.UnitKind k : org.duban.model.UnitKind.values()) {
                assertTrue(p.containsKey(k.labelKey()), bundle + " " + k.labelKey());
            }
            for (org.duban.model.AuditEntity e : org.duban.model.AuditEntity.values()) {
                assertTrue(p.containsKey("audit.entity." + e.name()), bundle + " audit.entity." + e.name());
            }
        }
    }

    /** Every literal key in the main sources (tr("..."), new XxxException("...", ...), FieldError keys) exists. */
    @Test
    void everyKeyNamedInTheCodeExists() throws IOException {
        Properties zh = load("/org/duban/i18n/messages.properties");
        Pattern literal = Pattern.compile(
                "(?:tr|Exception|FieldError\\(TaskField\\.[A-Z_]+,)\\s*\\(?\\s*(?:[a-z]+\\s*,\\s*)?\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)+)\"");
        Set<String> missing = new TreeSet<>();
        int found = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : (Iterable<Path>) files.filter(x -> x.toString().endsWith(".java"))::iterator) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    found++;
                    String key = m.group(1);
                    if (!zh.containsKey(key)) {
                        missing.add(key + " (" + f.getFileName() + ")");
                    }
                }
            }
        }
        assertTrue(found > 50, "the scan finds the keys (found " + found + ")");
        assertTrue(missing.isEmpty(), "keys named in code but missing from messages.properties: " + missing);
    }
}
