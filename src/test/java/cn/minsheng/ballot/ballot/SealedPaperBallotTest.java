package cn.minsheng.ballot.ballot;

import cn.minsheng.ballot.support.SealedPath;
import cn.minsheng.ballot.support.SealedVariant;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Typed;

/**
 * {@link PaperBallotTest} through the sealed path ({@link SealedPath}): the tablets' ballots sealed beside
 * paper ballots entered one by one and as totals, a paper-only ballot, a tie for the chair, a shortfall
 * with its supplementary ballot and an evaluation — every count asserted unchanged. Adapted: the board (the
 * tablets' ballots are on the sealed board) and the refused RATING mark (SealedPath.refused).
 */
@QuarkusTest
@Typed(SealedPaperBallotTest.class) // a test class is a bean: only this type, or the base class would resolve to two beans
class SealedPaperBallotTest extends PaperBallotTest implements SealedVariant {
}
