package cn.minsheng.ballot.result;

import cn.minsheng.ballot.support.SealedPath;
import cn.minsheng.ballot.support.SealedVariant;
import io.quarkus.test.junit.QuarkusTest;

/** {@link ResultReasonsTest} through the sealed path ({@link SealedPath}): the reasons, the lot and the notice unchanged. */
@QuarkusTest
class SealedResultReasonsTest extends ResultReasonsTest implements SealedVariant {
}
