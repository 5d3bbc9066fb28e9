package cn.minsheng.ballot.ballot;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

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
            Map<String, Map<Choice, Integer>> counts) {
    }

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
    ObjectMapper json;

    @Inject
    Clock clock;

    public Recorded record(UUID ballotId, Entry e) {
        Ballot b = ballots.find(ballotId);
        if (b.status != BallotStatus.OPEN) {
            throw ApiException.conflict(b.status == BallotStatus.DRAFT ? "BALLOT_NOT_OPEN" : "BALLOT_CLOSED");
        }
        if (!b.paper) {
            throw ApiException.conflict("CHANNEL_CLOSED", Channel.PAPER);
        }
        boolean oneByOne = e.ballots() != null;
        boolean totals = e.returned() != null || e.counts() != null;
        if (oneByOne == totals) {
            throw ApiException.badRequest("PAPER_ENTRY_INVALID", "ballots or totals, not both");
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
        try {
            return json.writeValueAsString(counts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
