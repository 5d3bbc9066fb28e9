package cn.minsheng.ballot.common;

import io.quarkus.panache.common.Parameters;

/**
 * A Panache query built from optional filters: each condition is added only when its value is
 * given (not null, not blank), so list endpoints state their filters in one line each.
 */
public final class Filter {

    private final StringBuilder where;
    private final Parameters params = new Parameters();

    private Filter(String base) {
        this.where = new StringBuilder(base);
    }

    public static Filter where(String base) {
        return new Filter(base);
    }

    public static Filter where(String base, String name, Object value) {
        Filter f = new Filter(base);
        f.params.and(name, value);
        return f;
    }

    /** {@code and <condition>} with the named parameter, when the value is given. */
    public Filter and(String condition, String name, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            where.append(" and ").append(condition);
            params.and(name, value);
        }
        return this;
    }

    /** A text search: {@code condition} uses :name as a LIKE pattern holding the text anywhere. */
    public Filter contains(String condition, String name, String text) {
        return and(condition, name, text == null || text.isBlank() ? null : "%" + text + "%");
    }

    public String query() {
        return where.toString();
    }

    public Parameters params() {
        return params;
    }
}
