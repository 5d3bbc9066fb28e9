package cn.minsheng.ballot.common;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Token buckets in this replica's memory (Bucket4j), for limits on the hot path where a database
 * round trip per request would cost the burst: casting. Idle buckets expire; with R replicas a key
 * gets at most R times its limit.
 */
@ApplicationScoped
public class LocalRateLimit {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(200_000).build();

    public void acquire(String key, long capacity, Duration period, String code) {
        ConsumptionProbe probe = bucket(key, capacity, period).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException(code, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        }
    }

    /** Takes a token if one is left; false when this replica has used up the key's allowance. */
    public boolean tryAcquire(String key, long capacity, Duration period) {
        return bucket(key, capacity, period).tryConsume(1);
    }

    private Bucket bucket(String key, long capacity, Duration period) {
        return buckets.get(key + "|" + capacity + "|" + period, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillIntervally(capacity, period).build()).build());
    }
}
