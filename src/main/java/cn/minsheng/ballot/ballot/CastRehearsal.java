package cn.minsheng.ballot.ballot;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionManager;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import cn.minsheng.ballot.board.BallotMarks;
import cn.minsheng.ballot.board.Tracker;
import cn.minsheng.ballot.seal.Ceremony;
import cn.minsheng.ballot.seal.Context;
import cn.minsheng.ballot.seal.Layout;
import cn.minsheng.ballot.seal.SealedBallot;
import cn.minsheng.ballot.seal.Trustee;
import cn.minsheng.ballot.tally.Choice;
import cn.minsheng.ballot.tally.Mark;
import io.quarkus.runtime.StartupEvent;

/**
 * The warm-up before readiness (issue 20: the first vote of a session lands on a cold service). A
 * rehearsal of the cast path: a scratch congress, session, deputies and an open ballot are written
 * in one transaction, the cast statements (in the clear and sealed) run for every scratch deputy,
 * and the transaction rolls back, so nothing stays behind: no row, no audit entry, no metric, no
 * turnout event (the streams count committed casts), no remembered open ballot. Before it, sealed
 * ballots made under a throwaway key (not any ceremony's) are decoded and verified, so the JIT has
 * compiled the curve arithmetic that dominates a sealed cast. Readiness says DOWN until it is done
 * (or failed: a failed warm-up is logged and the service becomes ready cold).
 * {@code minsheng.warmup.enabled} (default true; false in dev mode and tests).
 */
@ApplicationScoped
public class CastRehearsal {

    private static final Logger LOG = Logger.getLogger(CastRehearsal.class);

    enum State { PENDING, RUNNING, DONE, FAILED, OFF }

    @Inject
    BallotConfig.Warmup config;

    @Inject
    CastService casts;

    @Inject
    EntityManager em;

    @Inject
    TransactionManager tm;

    private volatile State state = State.PENDING;
    private volatile String detail = "";

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            state = State.OFF;
            return;
        }
        Thread t = new Thread(this::run, "cast-rehearsal");
        t.setDaemon(true);
        t.start();
    }

    State state() {
        return state;
    }

    String detail() {
        return detail;
    }

    /** Runs the whole warm-up on the calling thread. */
    void run() {
        state = State.RUNNING;
        long start = System.nanoTime();
        try {
            SecureRandom random = new SecureRandom();
            List<String> items = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                items.add(UUID.randomUUID().toString());
            }
            Context ctx = throwawayContext(items, random);
            List<SealedBallot> ballots = new ArrayList<>();
            List<byte[]> encodings = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Map<String, String> marks = new LinkedHashMap<>();
                items.subList(0, 1 + i).forEach(id -> marks.put(id, Choice.FOR.name()));
                SealedBallot b = SealedBallot.seal(ctx, "warm-up-" + UUID.randomUUID(), marks, random);
                ballots.add(b);
                encodings.add(b.encode());
            }
            for (int i = 0; i < config.sealedVerifications(); i++) {
                SealedBallot.decode(ctx, encodings.get(i % encodings.size())).verify(ctx);
            }
            long sealedMs = (System.nanoTime() - start) / 1_000_000;
            int rehearsed = 0;
            while (rehearsed < config.casts()) {
                int n = Math.min(250, config.casts() - rehearsed);
                rehearse(n, items, ballots, encodings);
                rehearsed += n;
            }
            detail = String.format("%d sealed ballots verified (%d ms), %d casts rehearsed and rolled back, %d ms in all",
                    config.sealedVerifications(), sealedMs, rehearsed, (System.nanoTime() - start) / 1_000_000);
            state = State.DONE;
            LOG.infof("warm-up: %s", detail);
        } catch (Exception | LinkageError e) {
            detail = "warm-up failed: " + e;
            state = State.FAILED;
            LOG.warnf(e, "warm-up failed; the service becomes ready cold");
        }
    }

    /** Sealed ballots need a context: a one-trustee ceremony whose key is made here and thrown away. */
    private static Context throwawayContext(List<String> items, SecureRandom random) {
        Ceremony params = new Ceremony("warm-up-" + UUID.randomUUID(), 1, 1, List.of());
        Trustee t = Trustee.create(params, 1, random);
        Ceremony ceremony = new Ceremony(params.ceremonyId(), 1, 1, List.of(t.publish(random)));
        return new Context(ceremony, UUID.randomUUID().toString(), Layout.approval(items, 1, 10));
    }

    /** One transaction, always rolled back: scratch rows, then {@code n} clear and sealed cast statements. */
    private void rehearse(int n, List<String> items, List<SealedBallot> sealed, List<byte[]> encodings) throws Exception {
        tm.begin();
        try {
            UUID congress = UUID.randomUUID();
            UUID session = UUID.randomUUID();
            UUID clear = UUID.randomUUID();
            UUID box = UUID.randomUUID();
            em.createNativeQuery("INSERT INTO congress (id, code, name, level, created_at) VALUES (:c, :code, '预热', 'COUNTY', now())")
                    .setParameter("c", congress).setParameter("code", "warmup-" + congress.toString().substring(0, 8)).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO session (id, congress_id, name, kind, starts_on, ends_on, quorum_numerator, quorum_denominator,
                                         quorum_inclusive, status, created_at)
                    VALUES (:s, :c, '预热', 'PLENARY', current_date, current_date, 1, 2, false, 'OPEN', now())""")
                    .setParameter("s", session).setParameter("c", congress).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO deputy (id, congress_id, code, name, status, created_at, updated_at)
                    SELECT gen_random_uuid(), :c, 'W' || g, '预热' || g, 'SEATED', now(), now() FROM generate_series(1, :n) g""")
                    .setParameter("c", congress).setParameter("n", n).executeUpdate();
            em.createNativeQuery("INSERT INTO session_seat (session_id, deputy_id) SELECT :s, id FROM deputy WHERE congress_id = :c")
                    .setParameter("s", session).setParameter("c", congress).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO attendance (session_id, deputy_id, state, method, updated_at)
                    SELECT :s, id, 'PRESENT', 'TABLET', now() FROM deputy WHERE congress_id = :c""")
                    .setParameter("s", session).setParameter("c", congress).executeUpdate();
            for (UUID ballot : List.of(clear, box)) {
                em.createNativeQuery("""
                        INSERT INTO ballot (id, congress_id, session_id, title, kind, method, secrecy, seats, threshold_numerator,
                                            threshold_denominator, threshold_base, threshold_inclusive, tie_policy, shortfall_policy,
                                            min_surplus, electronic, paper, accept_overmarked, status, opened_at, created_at)
                        VALUES (:b, :c, :s, '预热', 'SELECTION', 'APPROVAL', 'SECRET', 10, 1, 2, 'ALL_SEATED', false, 'RUNOFF',
                                'ACCEPT_FEWER', 0, true, false, false, 'OPEN', now(), now())""")
                        .setParameter("b", ballot).setParameter("c", congress).setParameter("s", session).executeUpdate();
            }
            @SuppressWarnings("unchecked")
            List<UUID> deputies = em.createNativeQuery("SELECT id FROM deputy WHERE congress_id = :c").setParameter("c", congress)
                    .getResultList();
            int in = 0;
            for (int i = 0; i < deputies.size(); i++) {
                UUID deputy = deputies.get(i);
                String key = UUID.randomUUID().toString();
                List<Mark> marks = items.subList(0, 1 + i % 10).stream().map(id -> new Mark(id, Choice.FOR)).toList();
                String canonical = BallotMarks.canonical(marks);
                String nonce = ReceiptVault.nonce();
                in += casts.storeClear(clear, session, deputy, key, canonical, Tracker.of(clear.toString(), canonical, nonce), nonce, null);
                // the sealed statement: a ballot may go into the box once (its cast id and α values), so only the first few
                if (i < sealed.size()) {
                    byte[] encoding = encodings.get(i);
                    String tracker = SealedBallot.tracker(encoding);
                    in += casts.storeSealed(box, session, deputy, key, CastService.sealedBody(tracker), sealed.get(i), encoding,
                            tracker)[1];
                }
            }
            if (in != deputies.size() + Math.min(sealed.size(), deputies.size())) {
                throw new IllegalStateException("the rehearsal cast " + in + " ballots, not one per scratch deputy");
            }
        } finally {
            tm.rollback();
        }
    }

    /** Not ready until the warm-up has finished (or was turned off, or failed: then the service is ready cold). */
    @Readiness
    @ApplicationScoped
    public static class Warm implements HealthCheck {

        @Inject
        CastRehearsal rehearsal;

        @Override
        public HealthCheckResponse call() {
            State s = rehearsal.state();
            boolean up = s == State.DONE || s == State.OFF || s == State.FAILED;
            return HealthCheckResponse.named("Warm-up").status(up).withData("state", s.name())
                    .withData("detail", rehearsal.detail()).build();
        }
    }
}
