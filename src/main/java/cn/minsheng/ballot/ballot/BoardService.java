package cn.minsheng.ballot.ballot;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.minsheng.ballot.common.Json;
import cn.minsheng.ballot.board.BallotMarks;
import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.tally.Choice;
import cn.minsheng.ballot.tally.Mark;

/**
 * The bulletin board (公告板) of a closed ballot: every counted ballot's tracker, nonce and marks,
 * sorted by tracker, so each deputy can find their own and anyone can recount. NAMED ballots also
 * show the deputy; SECRET ones show nobody.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class BoardService {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "BoardEntry", requiredProperties = { "tracker", "channel" },
            description = "One cast on the public bulletin board; a sealed ballot's entry (verifyReceipt) has no marks: it is only known to be in the box")
    public record Entry(String tracker, String nonce, List<Mark> marks, Channel channel, String deputyId, String deputyName) {
    }

    public record PaperTotals(int issued, int returned, int invalid, Map<String, Map<Choice, Integer>> counts) {
    }

    public record Board(String ballotId, String trackerFormula, List<BallotService.ItemView> items, List<Entry> entries,
            List<PaperTotals> paperTotals) {
    }

    @Inject
    EntityManager em;

    @Inject
    BallotService ballots;

    @Inject
    Json json;

    public Board board(UUID ballotId) {
        Ballot b = closed(ballotId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT c.tracker, c.nonce, c.marks, c.channel, n.deputy_id, d.name FROM ballot_content c
                LEFT JOIN named_vote n ON n.ballot_id = c.ballot_id AND n.tracker = c.tracker
                LEFT JOIN deputy d ON d.id = n.deputy_id WHERE c.ballot_id = :b ORDER BY c.tracker""")
                .setParameter("b", b.id).getResultList();
        List<Entry> entries = rows.stream().map(r -> new Entry((String) r[0], (String) r[1],
                BallotMarks.parse((String) r[2]).marks(), Channel.valueOf((String) r[3]),
                r[4] == null ? null : r[4].toString(), (String) r[5])).toList();
        List<PaperTotals> totals = PaperTally.<PaperTally>list("ballotId", b.id).stream()
                .map(p -> new PaperTotals(p.issued, p.returned, p.invalid, read(p.counts))).toList();
        return new Board(b.id.toString(), "sha256(ballotId + \"\\n\" + marks + \"\\n\" + nonce), marks as itemId:CHOICE sorted by itemId, comma-joined",
                ballots.view(b).items(), entries, totals);
    }

    public Entry verify(UUID ballotId, String tracker) {
        Ballot b = closed(ballotId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT c.tracker, c.nonce, c.marks, c.channel FROM ballot_content c WHERE c.ballot_id = :b AND c.tracker = :t""")
                .setParameter("b", b.id).setParameter("t", tracker).getResultList();
        if (rows.isEmpty() && b.sealed() && !em.createNativeQuery("SELECT 1 FROM sealed_content WHERE ballot_id = :b AND tracker = :t")
                .setParameter("b", b.id).setParameter("t", tracker).getResultList().isEmpty()) {
            return new Entry(tracker, null, null, Channel.ELECTRONIC, null, null); // sealed: in the box, its marks never seen
        }
        if (rows.isEmpty()) {
            throw new ApiException(ApiException.Kind.NOT_FOUND, "TRACKER_NOT_FOUND");
        }
        Object[] r = rows.get(0);
        return new Entry((String) r[0], (String) r[1], BallotMarks.parse((String) r[2]).marks(), Channel.valueOf((String) r[3]),
                null, null);
    }

    private Ballot closed(UUID ballotId) {
        Ballot b = Ballot.<Ballot>findByIdOptional(ballotId).orElseThrow(() -> ApiException.notFound("ballot"));
        requireClosed(b);
        return b;
    }

    /** A board, clear or sealed, is read only once its ballot has closed (409 BOARD_NOT_AVAILABLE). */
    public static void requireClosed(Ballot b) {
        if (b.status != BallotStatus.CLOSED) {
            throw ApiException.conflict("BOARD_NOT_AVAILABLE", b.status);
        }
    }

    private Map<String, Map<Choice, Integer>> read(String text) {
        return json.read(text, PaperTally.COUNTS);
    }
}
