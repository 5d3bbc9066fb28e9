package cn.minsheng.ballot.result;

import cn.minsheng.ballot.support.SealedPath;
import cn.minsheng.ballot.support.SealedVariant;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Typed;

/** {@link EvaluationTiersTest} through the sealed path ({@link SealedPath}): ratings sealed per choice, every tier unchanged. */
@QuarkusTest
@Typed(SealedEvaluationTiersTest.class) // a test class is a bean: only this type, or the base class would resolve to two beans
class SealedEvaluationTiersTest extends EvaluationTiersTest implements SealedVariant {
}
