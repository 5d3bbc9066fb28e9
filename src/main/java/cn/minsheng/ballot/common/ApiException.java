package cn.minsheng.ballot.common;

import java.util.List;

/**
 * A refusal the client can act on. The {@code code} is stable and names the message in
 * {@code i18n/problems*.properties}; {@code args} fill that message's placeholders.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final transient Object[] args;
    private final List<FieldError> errors;

    public ApiException(int status, String code, Object... args) {
        this(status, code, List.of(), args);
    }

    public ApiException(int status, String code, List<FieldError> errors, Object... args) {
        super(code, null, false, false);
        this.status = status;
        this.code = code;
        this.args = args;
        this.errors = List.copyOf(errors);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "NOT_FOUND", what);
    }

    public static ApiException badRequest(String code, Object... args) {
        return new ApiException(400, code, args);
    }

    public static ApiException conflict(String code, Object... args) {
        return new ApiException(409, code, args);
    }

    public int status() {
        return status;
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
