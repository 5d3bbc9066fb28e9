package cn.minsheng.ballot.common;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every value of every public enum a person may meet in a message or on a page has a word in
 * Chinese and in English (i18n/words*.properties), so no code is ever shown in its place.
 */
class WordsTest {

    @Test
    void everyPublicEnumValueHasAWordInBothLanguages() throws Exception {
        Path classes = Path.of("target/classes");
        List<String> missing = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                Class<?> type = load(classes, file);
                if (type == null || !type.isEnum() || !Modifier.isPublic(type.getModifiers())) {
                    continue;
                }
                for (Object value : type.getEnumConstants()) {
                    checked++;
                    for (Locale locale : List.of(Messages.CHINESE, Locale.ENGLISH)) {
                        if (Messages.word(locale, value) == value) {
                            missing.add(locale + " " + type.getName() + "." + value);
                        }
                    }
                }
            }
        }
        assertTrue(checked > 50, "found only " + checked + " enum values under " + classes.toAbsolutePath());
        assertTrue(missing.isEmpty(), "no word for " + missing);
    }

    @Test
    void aThingsNameAndAnEnumBecomeWordsInMessages() {
        assertTrue(Messages.text(Messages.CHINESE, "NOT_FOUND", "ballot").equals("未找到该表决。"));
        assertTrue(Messages.text(Locale.ENGLISH, "NOT_FOUND", "").equals("Nothing was found at this address."));
        assertTrue(Messages.text(Messages.CHINESE, "NOT_FOUND").equals("未找到请求的地址或资源。"));
    }

    private static Class<?> load(Path root, Path file) throws IOException {
        String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
        try {
            return Class.forName(name, false, WordsTest.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
