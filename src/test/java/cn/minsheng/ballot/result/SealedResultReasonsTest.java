package cn.minsheng.ballot.result;

import cn.minsheng.ballot.support.SealedPath;
import cn.minsheng.ballot.support.SealedVariant;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Typed;

/** {@link ResultReasonsTest} through the sealed path ({@link SealedPath}): the reasons, the lot and the notice unchanged. */
@QuarkusTest
@Typed(SealedResultReasonsTest.class) // a test class is a bean: only this type, or the base class would resolve to two beans
class SealedResultReasonsTest extends ResultReasonsTest implements SealedVariant {
}
