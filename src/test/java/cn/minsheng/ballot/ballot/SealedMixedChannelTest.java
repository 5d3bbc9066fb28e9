package cn.minsheng.ballot.ballot;

import cn.minsheng.ballot.support.SealedPath;
import cn.minsheng.ballot.support.SealedVariant;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@link MixedChannelTest} through the sealed path ({@link SealedPath}): the tablets' ballots sealed and
 * decrypted by the scrutineers beside the paper ballots in the clear; every figure, void reason and
 * refusal asserted unchanged.
 */
@QuarkusTest
class SealedMixedChannelTest extends MixedChannelTest implements SealedVariant {
}
