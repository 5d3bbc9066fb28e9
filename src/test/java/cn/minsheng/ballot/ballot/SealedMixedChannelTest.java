package cn.minsheng.ballot.ballot;

import cn.minsheng.ballot.support.SealedPath;
import cn.minsheng.ballot.support.SealedVariant;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Typed;

/**
 * {@link MixedChannelTest} through the sealed path ({@link SealedPath}): the tablets' ballots sealed and
 * decrypted by the scrutineers beside the paper ballots in the clear; every figure, void reason and
 * refusal asserted unchanged.
 */
@QuarkusTest
@Typed(SealedMixedChannelTest.class) // a test class is a bean: only this type, or the base class would resolve to two beans
class SealedMixedChannelTest extends MixedChannelTest implements SealedVariant {
}
