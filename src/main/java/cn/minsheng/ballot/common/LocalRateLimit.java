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
        Bucket bucket = buckets.get(key + "|" + capacity + "|" + period, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillIntervally(capacity, period).build()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException(code, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        }
    }
}
