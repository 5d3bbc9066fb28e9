package cn.minsheng.ballot.ballot;

import java.util.OptionalInt;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many sealed ballots are checked at once: no more than the machine has cores. A check is pure
 * computation (12–45 ms of one core for a 15-item ballot); when 32 casts arrive together, checking all
 * 32 side by side takes no less time than checking them in turns, but it leaves the event loops, the
 * live streams and the database a 2/34 share of the processors instead of a fair one. Casts wait
 * their turn in arrival order. A waiting cast normally holds no database connection: the open ballot
 * comes from {@link OpenBallots}' memory, so the check comes before the cast's first statement.
 */
@ApplicationScoped
public class ProofChecks {

    private final Semaphore turns;

    ProofChecks(@ConfigProperty(name = "minsheng.cast.proof-checks") OptionalInt permits) {
        this.turns = new Semaphore(Math.max(1, permits.orElse(Runtime.getRuntime().availableProcessors())), true);
    }

    /** Runs one check in its turn. */
    public <T> T check(Supplier<T> check) {
        turns.acquireUninterruptibly();
        try {
            return check.get();
        } finally {
            turns.release();
        }
    }
}
