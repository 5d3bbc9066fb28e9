package cn.minsheng.ballot.common;

/**
 * 503 DATABASE_UNAVAILABLE with Retry-After: the database could not be reached, or no pooled
 * connection came free in time. Nothing was changed; the same request can simply be sent again
 * (a cast with its Idempotency-Key, which makes the retry safe). Other transient refusals that
 * changed nothing and should be sent again carry their own code.
 */
public class ServiceUnavailableException extends ApiException implements RetryAfter {

    public static final long RETRY_AFTER_SECONDS = 2;

    public ServiceUnavailableException() {
        this("DATABASE_UNAVAILABLE");
    }

    public ServiceUnavailableException(String code) {
        super(Kind.UNAVAILABLE, code);
    }

    @Override
    public long retryAfterSeconds() {
        return RETRY_AFTER_SECONDS;
    }
}
