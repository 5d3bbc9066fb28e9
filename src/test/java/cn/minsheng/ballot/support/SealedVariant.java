package cn.minsheng.ballot.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Implemented by a sealed variant of a counting-rule test class ({@code class SealedCastingTest extends
 * CastingTest implements SealedVariant}): each inherited test runs with {@link SealedPath} on.
 */
public interface SealedVariant {

    @BeforeEach
    default void sealedPathOn() {
        SealedPath.on();
    }

    @AfterEach
    default void sealedPathOff() {
        SealedPath.off();
    }
}
