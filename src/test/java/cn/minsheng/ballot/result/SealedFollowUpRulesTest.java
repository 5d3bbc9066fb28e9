package cn.minsheng.ballot.result;

import cn.minsheng.ballot.support.SealedPath;
import cn.minsheng.ballot.support.SealedVariant;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Typed;

/**
 * {@link FollowUpRulesTest} through the sealed path ({@link SealedPath}): the first ballot and the
 * supplementary ballot it calls for (made after the decryption, opened sealed) both counted by
 * partial decryption, unchanged.
 */
@QuarkusTest
@Typed(SealedFollowUpRulesTest.class) // a test class is a bean: only this type, or the base class would resolve to two beans
class SealedFollowUpRulesTest extends FollowUpRulesTest implements SealedVariant {
}
