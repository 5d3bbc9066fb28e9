package cn.minsheng.ballot.ballot;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;


import cn.minsheng.ballot.common.Json;
import cn.minsheng.ballot.board.BallotMarks;
import cn.minsheng.ballot.board.Tracker;
import cn.minsheng.ballot.common.Caller;
import cn.minsheng.ballot.audit.AuditLog;
import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.tally.CastBallot;
import cn.minsheng.ballot.tally.Choice;
import cn.minsheng.ballot.tally.Mark;
import cn.minsheng.ballot.tally.PaperBatch;
import cn.minsheng.ballot.tally.Tally;

/**
 * The paper channel: scrutineers enter the paper ballots of a box one by one (each goes on the
 * board, invalid ones too, as paper allows) or as totals, with the number of ballots issued.
 */
@ApplicationScoped
@Transactional
public class PaperService {

    public record Entry(int issued, List<List<Mark>> ballots, Integer returned, Integer invalid,
            Map<String, Map<Choice, Integer>> counts, List<UUID> issuedTo) {

        public Entry(int issued, List<List<Mark>> ballots, Integer returned, Integer invalid,
                Map<String, Map<Choice, Integer>> counts) {
            this(issued, ballots, returned, invalid, counts, null);
        }
    }

    @Schema(name = "PaperRecorded")
    public record Recorded(int issued, int ballotsEntered, int returnedAsTotals, List<String> trackers) {
    }

    @Inject
    Caller caller;

    @Inject
    BallotService ballots;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    Json json;

    @Inject
    Clock clock;

    public Recorded record(UUID ballotId, Entry e) {
        Ballot b = ballots.find(ballotId);
        BallotService.move(b.status, BallotLifecycle.BallotEvent.CAST);
        if (!b.paper) {
            throw ApiException.conflict("CHANNEL_CLOSED", Channel.PAPER);
        }
        boolean oneByOne = e.ballots() != null;
        boolean totals = e.returned() != null || e.counts() != null;
        if (oneByOne && totals || !oneByOne && !totals && e.issuedTo() == null) {
            throw ApiException.badRequest("PAPER_ENTRY_INVALID", "ballots or totals, not both");
        }
        if (e.issuedTo() != null) {
            issueByName(b, e);
        }
        List<String> items = BallotItem.of(b.id).stream().map(i -> i.itemId.toString()).toList();
        List<String> trackers = new java.util.ArrayList<>();
        PaperTally p = new PaperTally();
        p.ballotId = b.id;
        p.issued = e.issued();
        p.enteredBy = caller.accountId();
        p.enteredAt = clock.instant();
        if (oneByOne) {
            for (List<Mark> marks : e.ballots()) {
                trackers.add(store(b, marks));
            }
            p.counts = "{}";
        } else if (!totals) {
            p.counts = "{}"; // ballots handed out by name, entered later
        } else {
            int returned = e.returned() == null ? 0 : e.returned();
            int invalid = e.invalid() == null ? 0 : e.invalid();
            Map<String, Map<Choice, Integer>> counts = e.counts() == null ? Map.of() : e.counts();
            try {
                // the tally's own checks: known items, allowed choices, no more marks than valid ballots
                Tally.count(b.rules(), items, new cn.minsheng.ballot.tally.Roster(0, 0, 0), List.of(),
                        List.of(new PaperBatch(returned, invalid, counts)), 0);
            } catch (IllegalArgumentException bad) {
                throw ApiException.badRequest("PAPER_ENTRY_INVALID", bad.getMessage());
            }
            p.returned = returned;
            p.invalid = invalid;
            p.counts = write(counts);
        }
        p.persist();
        audit.append(b.congressId, "paper.recorded", "ballot", b.id,
                Map.of("issued", p.issued, "entered", trackers.size(), "returnedAsTotals", p.returned));
        return new Recorded(p.issued, trackers.size(), p.returned, trackers);
    }

    /**
     * Paper ballots issued by name: each deputy must be present and not have voted, and from now on
     * cannot cast on the tablet (each present deputy is issued exactly one ballot).
     */
    private void issueByName(Ballot b, Entry e) {
        if (e.issuedTo().size() != e.issued() || new java.util.HashSet<>(e.issuedTo()).size() != e.issued()) {
            throw ApiException.badRequest("PAPER_ENTRY_INVALID", "issuedTo must name each deputy issued a ballot once");
        }
        for (UUID deputy : e.issuedTo()) {
            int inserted = em.createNativeQuery("""
                    INSERT INTO participation (ballot_id, deputy_id, channel, cast_at)
                    SELECT :b, :d, 'PAPER', :at
                    WHERE EXISTS (SELECT 1 FROM attendance a JOIN deputy dp ON dp.id = a.deputy_id AND dp.status = 'SEATED'
                                  WHERE a.session_id = :s AND a.deputy_id = :d AND a.state = 'PRESENT')
                    ON CONFLICT (ballot_id, deputy_id) DO NOTHING""")
                    .setParameter("b", b.id).setParameter("d", deputy).setParameter("s", b.sessionId)
                    .setParameter("at", clock.instant()).executeUpdate();
            if (inserted == 0) {
                boolean tookPart = !em.createNativeQuery("SELECT 1 FROM participation WHERE ballot_id = :b AND deputy_id = :d")
                        .setParameter("b", b.id).setParameter("d", deputy).getResultList().isEmpty();
                throw ApiException.conflict(tookPart ? "ALREADY_VOTED" : "NOT_PRESENT", deputy);
            }
        }
    }

    private String store(Ballot b, List<Mark> marks) {
        String canonical = BallotMarks.canonical(marks);
        // a paper mark on something not on the ballot is kept as written only if it names a real item
        List<String> items = BallotItem.of(b.id).stream().map(i -> i.itemId.toString()).toList();
        Tally.check(b.rules(), items, new CastBallot(marks)).filter(r -> r == cn.minsheng.ballot.tally.InvalidReason.UNKNOWN_ITEM)
                .ifPresent(r -> {
                    throw ApiException.badRequest("UNKNOWN_ITEM");
                });
        String nonce = ReceiptVault.nonce();
        String tracker = Tracker.of(b.id.toString(), canonical, nonce);
        em.createNativeQuery("""
                INSERT INTO ballot_content (id, ballot_id, tracker, nonce, marks, channel) VALUES (:id, :b, :t, :n, :m, 'PAPER')""")
                .setParameter("id", UUID.randomUUID()).setParameter("b", b.id).setParameter("t", tracker).setParameter("n", nonce)
                .setParameter("m", canonical).executeUpdate();
        return tracker;
    }

    private String write(Map<String, Map<Choice, Integer>> counts) {
        return json.write(counts);
    }
}
