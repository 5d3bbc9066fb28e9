package cn.minsheng.ballot.common;

/** 429 with the number of seconds the client should wait (sent as Retry-After). */
public class TooManyRequestsException extends ApiException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(String code, long retryAfterSeconds) {
        super(Kind.TOO_MANY, code, retryAfterSeconds);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
