package cn.minsheng.ballot.result;

import cn.minsheng.ballot.support.SealedPath;
import cn.minsheng.ballot.support.SealedVariant;
import io.quarkus.test.junit.QuarkusTest;

/** {@link EvaluationTiersTest} through the sealed path ({@link SealedPath}): ratings sealed per choice, every tier unchanged. */
@QuarkusTest
class SealedEvaluationTiersTest extends EvaluationTiersTest implements SealedVariant {
}
