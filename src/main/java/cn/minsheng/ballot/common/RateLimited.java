package cn.minsheng.ballot.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * A resource method limited per account and per client address (429 RATE_LIMITED with Retry-After),
 * by {@link RateLimits}. The settings are {@code minsheng.<value>.account-limit}, {@code .address-limit}
 * and {@code .limit-period}; the buckets are keyed {@code <value>-account:} and {@code <value>-address:}.
 */
@InterceptorBinding
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface RateLimited {

    /** the name of the limited action, e.g. "cast" */
    @Nonbinding
    String value() default "";

    /**
     * How many requests per account and period this replica grants from memory before every further one also
     * draws on the account's bucket in PostgreSQL (so the limit holds across replicas without costing the
     * legitimate few a database round trip); 0: every request draws on PostgreSQL.
     */
    @Nonbinding
    long localFirst() default 0;
}
