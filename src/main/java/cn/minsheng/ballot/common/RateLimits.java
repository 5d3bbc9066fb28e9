package cn.minsheng.ballot.common;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.eclipse.microprofile.config.Config;

import io.vertx.ext.web.RoutingContext;

/**
 * Applies {@link RateLimited}: one bucket per account (the first {@code localFirst} requests from this
 * replica's memory, the rest also from PostgreSQL) and one per client address in memory (a hall may sit
 * behind one address, so that limit is high). Runs after the role check and the body's validation, as the
 * resource method's own first lines did, and outside any transaction (SharedRateLimit commits its own row).
 */
@RateLimited
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 900)
public class RateLimits {

    record Settings(long perAccount, long perAddress, Duration period) {
    }

    @Inject
    Caller caller;

    @Inject
    RoutingContext http;

    @Inject
    LocalRateLimit local;

    @Inject
    SharedRateLimit shared;

    @Inject
    Config config;

    private final Map<String, Settings> settings = new ConcurrentHashMap<>();

    @AroundInvoke
    Object limit(InvocationContext ctx) throws Exception {
        RateLimited limited = ctx.getMethod().getAnnotation(RateLimited.class);
        if (limited == null) {
            limited = ctx.getMethod().getDeclaringClass().getAnnotation(RateLimited.class);
        }
        String name = limited.value();
        Settings s = settings.computeIfAbsent(name, n -> new Settings(config.getValue("minsheng." + n + ".account-limit", Long.class),
                config.getValue("minsheng." + n + ".address-limit", Long.class),
                config.getValue("minsheng." + n + ".limit-period", Duration.class)));
        String account = name + "-account:" + caller.accountId();
        if (limited.localFirst() == 0 || !local.tryAcquire(account, limited.localFirst(), s.period())) {
            shared.acquire(account, Math.max(1, s.perAccount() - limited.localFirst()), s.period(), "RATE_LIMITED");
        }
        var address = http.request().remoteAddress();
        local.acquire(name + "-address:" + (address == null ? "unknown" : address.hostAddress()), s.perAddress(), s.period(),
                "RATE_LIMITED");
        return ctx.proceed();
    }
}
