package cn.minsheng.ballot.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Sealed ballots are checked no more than so many at once, and every check runs and answers (a turn never given back fails by the timeout). */
@Timeout(30)
class ProofChecksTest {

    @Test
    void noMoreChecksAtOnceThanPermitted() throws Exception {
        for (int permits : new int[] { 1, 3 }) {
            ProofChecks checks = new ProofChecks(OptionalInt.of(permits));
            AtomicInteger running = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(12);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    int n = i;
                    answers.add(pool.submit(() -> {
                        start.await();
                        return checks.check(() -> {
                            most.accumulateAndGet(running.incrementAndGet(), Math::max);
                            try {
                                Thread.sleep(5);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            running.decrementAndGet();
                            return n;
                        });
                    }));
                }
                start.countDown();
                for (int i = 0; i < answers.size(); i++) {
                    assertEquals(i, answers.get(i).get());
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(permits, most.get(), "checks at once with " + permits + " permitted");
        }
    }

    @Test
    void aFailedCheckGivesItsTurnBack() {
        ProofChecks checks = new ProofChecks(OptionalInt.of(1));
        for (int i = 0; i < 3; i++) {
            try {
                checks.check(() -> {
                    throw new IllegalStateException("bad proof");
                });
            } catch (IllegalStateException expected) {
                // the next check still gets its turn
            }
        }
        assertEquals("next", checks.check(() -> "next"));
    }
}
