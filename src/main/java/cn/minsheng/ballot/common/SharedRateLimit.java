package cn.minsheng.ballot.common;

import java.time.Duration;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

/**
 * Token buckets kept in PostgreSQL (Bucket4j, table rate_bucket), so a limit holds across every
 * replica. Call it outside a transaction: Bucket4j commits its own row update.
 */
@ApplicationScoped
public class SharedRateLimit {

    @Inject
    AgroalDataSource dataSource;

    private ProxyManager<String> buckets;

    @PostConstruct
    void init() {
        buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource).primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_bucket").idColumn("id").stateColumn("state").build();
    }

    /** Takes one token from the bucket {@code key}; refuses with 429 and Retry-After when it is empty. */
    public void acquire(String key, long capacity, Duration period, String code) {
        BucketConfiguration config = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillIntervally(capacity, period).build()).build();
        ConsumptionProbe probe;
        try {
            probe = buckets.builder().build(key, () -> config).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            // Bucket4j wraps the driver's exception in its own: a database that is away is 503, as everywhere
            if (DatabaseFailures.isTransient(e)) {
                throw new ServiceUnavailableException();
            }
            throw e;
        }
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException(code, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        }
    }
}
