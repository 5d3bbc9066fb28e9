package cn.minsheng.ballot.common;

/** A refusal that tells the client when to try again (sent as Retry-After, in seconds). */
public interface RetryAfter {

    long retryAfterSeconds();
}
