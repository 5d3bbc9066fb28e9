package cn.minsheng.ballot.common;

/** 429 with the number of seconds the client should wait (sent as Retry-After). */
public class TooManyRequestsException extends ApiException implements RetryAfter {

    private final long retryAfterSeconds;

    public TooManyRequestsException(String code, long retryAfterSeconds) {
        super(Kind.TOO_MANY, code, retryAfterSeconds);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    @Override
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
