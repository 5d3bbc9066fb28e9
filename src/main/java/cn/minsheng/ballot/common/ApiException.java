package cn.minsheng.ballot.common;

import java.util.List;

/**
 * A refusal the client can act on. The {@code code} is stable and names the message in
 * {@code i18n/problems*.properties}; {@code args} fill that message's placeholders. The {@link Kind}
 * says what sort of refusal it is; only the HTTP layer (ProblemMapper) turns it into a status.
 */
public class ApiException extends RuntimeException {

    /** What sort of refusal: the domain's words, mapped to HTTP statuses in ProblemMapper only. */
    public enum Kind {
        INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_LARGE, UNSUPPORTED_TYPE, REJECTED, TOO_MANY, UNAVAILABLE
    }

    private final Kind kind;
    private final String code;
    private final transient Object[] args;
    private final List<FieldError> errors;

    public ApiException(Kind kind, String code, Object... args) {
        this(kind, code, List.of(), args);
    }

    public ApiException(Kind kind, String code, List<FieldError> errors, Object... args) {
        super(code, null, false, false);
        this.kind = kind;
        this.code = code;
        this.args = args;
        this.errors = List.copyOf(errors);
    }

    public static ApiException notFound(String what) {
        return new ApiException(Kind.NOT_FOUND, "NOT_FOUND", what);
    }

    /** The caller may not do this (same answer as a refused role). */
    public static ApiException forbidden() {
        return new ApiException(Kind.FORBIDDEN, "FORBIDDEN");
    }

    public static ApiException badRequest(String code, Object... args) {
        return new ApiException(Kind.INVALID, code, args);
    }

    public static ApiException conflict(String code, Object... args) {
        return new ApiException(Kind.CONFLICT, code, args);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
