package cn.minsheng.ballot.result;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;


import cn.minsheng.ballot.common.Json;
import cn.minsheng.ballot.board.BallotMarks;
import cn.minsheng.ballot.audit.AuditLog;
import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.ballot.Ballot;
import cn.minsheng.ballot.ballot.BallotItem;
import cn.minsheng.ballot.ballot.BallotLifecycle;
import cn.minsheng.ballot.ballot.BallotService;
import cn.minsheng.ballot.ballot.BallotStatus;
import cn.minsheng.ballot.ballot.OpenBallots;
import cn.minsheng.ballot.ballot.PaperTally;
import cn.minsheng.ballot.result.ResultService.ResultView;
import cn.minsheng.ballot.session.Session;
import cn.minsheng.ballot.session.SessionService;
import cn.minsheng.ballot.tally.CastBallot;
import cn.minsheng.ballot.tally.Choice;
import cn.minsheng.ballot.tally.FollowUp;
import cn.minsheng.ballot.tally.PaperBatch;
import cn.minsheng.ballot.tally.Roster;
import cn.minsheng.ballot.tally.Tally;
import cn.minsheng.ballot.tally.TallyResult;
import cn.minsheng.ballot.ballot.BallotIssue;
import cn.minsheng.ballot.ballot.CountedReceipts;

/**
 * Closing a ballot: one transaction takes the ballot's row lock (so casts in flight finish first and
 * later ones are refused), counts, rewrites the secret content in random order, wipes the retry
 * secrets, records the result and opens any runoff or supplementary ballot as DRAFT.
 */
@ApplicationScoped
public class CloseService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    BallotService ballots;

    @Inject
    SessionService sessions;

    @Inject
    ResultService results;

    @Inject
    OpenBallots openBallots;

    @Inject
    AuditLog audit;

    @Inject
    CountedReceipts countedReceipts;

    @Inject
    EntityManager em;

    @Inject
    cn.minsheng.ballot.common.LiveChanges live;

    @Inject
    Json json;

    @Inject
    Clock clock;

    @Inject
    SealedCountService sealedCount;

    @Transactional
    public ResultView close(UUID ballotId) {
        // exclusive against the casts' shared lock (V5): waits for casts in flight, holds later ones off
        em.createNativeQuery("SELECT pg_advisory_xact_lock(1836278895, hashtext(CAST(:b AS text)))")
                .setParameter("b", ballotId.toString()).getSingleResult();
        Ballot b = ballots.findForUpdate(ballotId);
        b.status = BallotService.move(b.status, BallotLifecycle.BallotEvent.CLOSE);
        em.flush();
        openBallots.forget(b.id);

        List<BallotItem> items = BallotItem.of(b.id);
        List<CastBallot> cast = clearBallots(b.id);
        List<PaperBatch> batches = paperBatches(b.id);
        long paperIssued = 0;
        for (PaperTally p : PaperTally.<PaperTally>list("ballotId", b.id)) {
            paperIssued += p.issued;
        }
        Session session = Session.findById(b.sessionId);
        SessionService.AttendanceView attendance = sessions.figures(session, null);
        Roster roster = BallotIssue.roster(em, b, attendance, paperIssued);

        // nothing in row order, ids or transaction ids may link a secret ballot's content to a cast
        em.createNativeQuery("CREATE TEMP TABLE shuffled ON COMMIT DROP AS SELECT * FROM ballot_content WHERE ballot_id = :b")
                .setParameter("b", b.id).executeUpdate();
        em.createNativeQuery("DELETE FROM ballot_content WHERE ballot_id = :b").setParameter("b", b.id).executeUpdate();
        em.createNativeQuery("INSERT INTO ballot_content SELECT * FROM shuffled ORDER BY random()").executeUpdate();
        countedReceipts.keep(b.id);
        em.createNativeQuery("UPDATE participation SET key_hash = NULL, body_mac = NULL, receipt_enc = NULL WHERE ballot_id = :b")
                .setParameter("b", b.id).executeUpdate();
        if (b.sealed()) {
            // the encrypted totals wait for k scrutineers; the figures fixed now wait with them
            int sealedBallots = sealedCount.close(b, roster);
            b.status = BallotService.move(b.status, BallotLifecycle.BallotEvent.CLOSED);
            b.closedAt = clock.instant();
            audit.append(b.congressId, "ballot.closed", "ballot", b.id,
                    Map.of("sealed", sealedBallots, "paper", cast.size() + batches.stream().mapToInt(PaperBatch::returned).sum()));
            live.ballot(b.id);
            return results.get(b.id);
        }
        b.status = BallotService.move(b.status, BallotLifecycle.BallotEvent.CLOSED);
        b.closedAt = clock.instant();
        return count(b, items, roster, cast, batches, "ballot.closed");
    }

    /**
     * Counts a closed ballot and records its result, with any runoff or supplementary ballot as
     * DRAFT: at close for a ballot in the clear, or once k scrutineers have decrypted a sealed one's
     * totals (which come in as a batch of tablet ballots).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ResultView count(Ballot b, List<BallotItem> items, Roster roster, List<CastBallot> cast, List<PaperBatch> batches,
            String action) {
        List<String> itemIds = items.stream().map(i -> i.itemId.toString()).toList();
        long seed = RANDOM.nextLong() & Long.MAX_VALUE;
        TallyResult tally = Tally.count(b.rules(), itemIds, roster, cast, batches, seed);
        UUID followUpBallot = tally.followUp().filter(f -> f.kind() != FollowUp.Kind.CHAIR_DECISION)
                .map(f -> ballots.followUp(b, f.kind() == FollowUp.Kind.RUNOFF ? "（另行投票）" : "（补充投票）",
                        f.items().stream().map(UUID::fromString).toList(), f.seats()).id)
                .orElse(null);
        Map<String, Object> details = new HashMap<>();
        details.put("returned", tally.returned());
        details.put("valid", tally.valid());
        details.put("voided", tally.voided());
        audit.append(b.congressId, action, "ballot", b.id, details);
        live.ballot(b.id);
        return results.record(b, items, tally, seed, followUpBallot);
    }

    /** The ballots of a closed ballot stored one by one (in the clear: paper ballots, and tablet ballots when not sealed). */
    public List<CastBallot> clearBallots(UUID ballotId) {
        @SuppressWarnings("unchecked")
        List<Object[]> contents = em.createNativeQuery("SELECT marks, channel FROM ballot_content WHERE ballot_id = :b")
                .setParameter("b", ballotId).getResultList();
        return contents.stream()
                .map(c -> new CastBallot(BallotMarks.parse((String) c[0]).marks(), "PAPER".equals(c[1]))).toList();
    }

    /** The paper ballots counted as totals. */
    public List<PaperBatch> paperBatches(UUID ballotId) {
        List<PaperBatch> batches = new ArrayList<>();
        for (PaperTally p : PaperTally.<PaperTally>list("ballotId", ballotId)) {
            if (p.returned > 0) {
                batches.add(new PaperBatch(p.returned, p.invalid, readCounts(p.counts)));
            }
        }
        return batches;
    }

    Map<String, Map<Choice, Integer>> readCounts(String text) {
        return json.read(text, PaperTally.COUNTS);
    }
}
