package cn.minsheng.ballot.common;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Human texts for problem codes, in Chinese (default) or English, chosen by Accept-Language. */
public final class Messages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private Messages() {
    }

    public static Locale pick(List<Locale> acceptable) {
        for (Locale l : acceptable) {
            if ("zh".equals(l.getLanguage())) {
                return CHINESE;
            }
            if ("en".equals(l.getLanguage())) {
                return Locale.ENGLISH;
            }
        }
        return CHINESE;
    }

    /**
     * The message for {@code key}, its placeholders filled with words: an enum value or the name
     * of a thing becomes the word a person reads ({@code i18n/words*.properties}), never a code.
     * A message whose only argument is missing or blank takes its {@code .none} variant.
     */
    public static String text(Locale locale, String key, Object... args) {
        ResourceBundle bundle = bundle("i18n.problems", locale);
        Object[] words = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            words[i] = word(locale, args[i]);
        }
        boolean noSubject = args.length == 0 || args.length == 1 && (args[0] == null || args[0].toString().isBlank());
        String pattern = noSubject && bundle.containsKey(key + ".none") ? key + ".none" : key;
        try {
            return new MessageFormat(bundle.getString(pattern), locale).format(words);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** The word for an enum value ({@code word.ProjectIssue.Status.OPEN}) or a thing's name ({@code word.ballot}); else the value. */
    public static Object word(Locale locale, Object value) {
        String key;
        if (value instanceof Enum<?> e) {
            Class<?> type = e.getDeclaringClass();
            String name = type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
            key = "word." + name + "." + e.name();
        } else if (value instanceof String s && !s.isBlank()) {
            key = "word." + s;
        } else {
            return value;
        }
        ResourceBundle words = bundle("i18n.words", locale);
        return words.containsKey(key) ? words.getString(key) : value;
    }

    private static ResourceBundle bundle(String name, Locale locale) {
        return ResourceBundle.getBundle(name, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
