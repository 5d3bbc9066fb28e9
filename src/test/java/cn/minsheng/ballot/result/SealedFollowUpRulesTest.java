package cn.minsheng.ballot.result;

import cn.minsheng.ballot.support.SealedPath;
import cn.minsheng.ballot.support.SealedVariant;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@link FollowUpRulesTest} through the sealed path ({@link SealedPath}): the first ballot and the
 * supplementary ballot it calls for (made after the decryption, opened sealed) both counted by
 * partial decryption, unchanged.
 */
@QuarkusTest
class SealedFollowUpRulesTest extends FollowUpRulesTest implements SealedVariant {
}
