package cn.minsheng.ballot.result;

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

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.minsheng.ballot.common.Json;
import cn.minsheng.ballot.audit.AuditLog;
import cn.minsheng.ballot.ballot.Ballot;
import cn.minsheng.ballot.ballot.BallotItem;
import cn.minsheng.ballot.ballot.BallotLifecycle;
import cn.minsheng.ballot.ballot.BallotService;
import cn.minsheng.ballot.ballot.BallotStatus;
import cn.minsheng.ballot.ballot.BoardService;
import cn.minsheng.ballot.ballot.CeremonyService;
import cn.minsheng.ballot.ballot.SealLayouts;
import cn.minsheng.ballot.ballot.SealRecords;
import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.seal.Context;
import cn.minsheng.ballot.seal.EncryptedTotals;
import cn.minsheng.ballot.seal.PartialDecryption;
import cn.minsheng.ballot.seal.SealException;
import cn.minsheng.ballot.seal.SealedBallot;
import cn.minsheng.ballot.tally.Choice;
import cn.minsheng.ballot.tally.PaperBatch;
import cn.minsheng.ballot.tally.Roster;
import cn.minsheng.ballot.verifier.SealedBoard;

/**
 * Counting a sealed ballot without opening any ballot: at close the encrypted ballots are added
 * into encrypted totals (per item and choice); each scrutineer's device posts a partial decryption
 * of the totals with Chaum–Pedersen proofs, which are checked here; once k are in they are combined
 * (Lagrange), the small logarithms solved, the paper ballots added in the clear, and the tally engine
 * decides as for any ballot. The board lists everything anyone needs to check it offline.
 */
@ApplicationScoped
@Transactional
public class SealedCountService {

    @Schema(name = "SealedCount", description = "a sealed ballot's decryption: how many tablet ballots are in the encrypted totals, "
            + "which scrutineers have posted their partial decryption, and in words what is still missing")
    public record SealedCountView(int ballots, int k, int n, List<Integer> decryptedBy, boolean counted,
            @Schema(nullable = true) String missing) {
    }

    @Schema(name = "SealedBoard", description = "the board of a closed sealed ballot in the format minsheng-seal/v1/board (README "
            + "\"Sealed ballots\"; `OfflineVerifier sealed` checks it), with the paper ballots and totals, which are in the clear; "
            + "counts are absent until k scrutineers have decrypted")
    public record SealedBoardView(String format, SealRecords.CeremonyRecord ceremony, String ballotId, SealRecords.LayoutRecord layout,
            String contextHash, List<SealRecords.BoardBallot> ballots, @Schema(nullable = true) SealRecords.TotalsRecord totals,
            List<SealRecords.PartialRecord> partials, @Schema(nullable = true) int[][] counts, List<BoardService.Entry> paperBallots,
            List<BoardService.PaperTotals> paperTotals) {
    }

    private static final java.util.HexFormat HEX = java.util.HexFormat.of();

    @Inject
    BallotService ballots;

    @Inject
    CeremonyService ceremonies;

    @Inject
    CloseService closing;

    @Inject
    BoardService board;

    @Inject
    ResultService results;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    Json json;

    @Inject
    Clock clock;

    /** Inside the closing transaction: the encrypted totals and the roster, stored to wait for the scrutineers. */
    @Transactional(Transactional.TxType.MANDATORY)
    int close(Ballot b, Roster roster) {
        Context ctx = context(b);
        // only the ciphertexts of the stored ballots (each decoded and checked at cast), added up on every core
        EncryptedTotals totals = EncryptedTotals.sumOfEncodings(ctx, encodings(b.id));
        em.createNativeQuery("""
                INSERT INTO sealed_tally (ballot_id, ballots, totals, roster, closed_at) VALUES (:b, :n, :t, :r, :at)""")
                .setParameter("b", b.id).setParameter("n", totals.ballots()).setParameter("t", SealedBoard.totals(totals).toString())
                .setParameter("r", write(List.of(roster.seated(), roster.present(), roster.issued(), roster.paperIssued(), roster.voters())))
                .setParameter("at", clock.instant()).executeUpdate();
        // as for ballots in the clear: nothing in row order or ids links an encrypted ballot to its cast
        em.createNativeQuery("CREATE TEMP TABLE sealed_shuffled ON COMMIT DROP AS SELECT * FROM sealed_content WHERE ballot_id = :b")
                .setParameter("b", b.id).executeUpdate();
        em.createNativeQuery("DELETE FROM sealed_content WHERE ballot_id = :b").setParameter("b", b.id).executeUpdate();
        em.createNativeQuery("INSERT INTO sealed_content SELECT gen_random_uuid(), ballot_id, tracker, cast_id, encoding "
                + "FROM sealed_shuffled ORDER BY random()").executeUpdate();
        em.createNativeQuery("DELETE FROM sealed_alpha WHERE ballot_id = :b").setParameter("b", b.id).executeUpdate();
        return totals.ballots();
    }

    /** A scrutineer's partial decryption of the totals; the k-th valid one counts the ballot. */
    public ResultService.ResultView postPartial(UUID ballotId, SealRecords.PartialRecord partial) {
        Ballot b = ballots.findForUpdate(ballotId);
        if (!b.sealed()) {
            throw ApiException.conflict("BALLOT_NOT_SEALED");
        }
        ResultService.requireClosed(b);
        // a result already recorded cannot be decrypted again (409 SEALED_ALREADY_COUNTED)
        BallotResult.<BallotResult>findByIdOptional(b.id).ifPresent(r -> BallotService.move(r.stage(), BallotLifecycle.ResultEvent.DECRYPT));
        int me = ceremonies.trusteeOf(b.ceremonyId).orElseThrow(() -> new ApiException(ApiException.Kind.FORBIDDEN, "NOT_A_TRUSTEE"));
        Context ctx = context(b);
        EncryptedTotals totals = totals(b.id);
        PartialDecryption p;
        try {
            p = SealedBoard.readPartial(json.tree(new SealRecords.PartialRecord(me, partial.shares()))).verify(ctx, totals);
        } catch (SealException | IllegalArgumentException | NullPointerException | IndexOutOfBoundsException e) {
            throw new ApiException(ApiException.Kind.REJECTED, "SEAL_PROOF_INVALID");
        }
        int inserted = em.createNativeQuery("""
                INSERT INTO sealed_partial (ballot_id, trustee, shares, posted_at) VALUES (:b, :t, :s, :at) ON CONFLICT DO NOTHING""")
                .setParameter("b", b.id).setParameter("t", me).setParameter("s", SealedBoard.partial(p).toString())
                .setParameter("at", clock.instant()).executeUpdate();
        if (inserted == 0) {
            throw ApiException.conflict("PARTIAL_ALREADY_POSTED");
        }
        audit.append(b.congressId, "ballot.partial_decryption", "ballot", b.id, Map.of("trustee", me));
        List<PartialDecryption> partials = partials(b.id);
        if (partials.size() < ctx.ceremony().k()) {
            return results.get(b.id);
        }
        int[][] counts = PartialDecryption.combine(ctx, totals, partials);
        Map<String, Map<Choice, Integer>> byItem = new HashMap<>();
        for (int i = 0; i < counts.length; i++) {
            Map<Choice, Integer> row = new HashMap<>();
            for (int j = 0; j < counts[i].length; j++) {
                row.put(Choice.valueOf(ctx.layout().choices().get(j)), counts[i][j]);
            }
            byItem.put(ctx.layout().items().get(i), row);
        }
        List<PaperBatch> batches = new ArrayList<>(closing.paperBatches(b.id));
        batches.add(PaperBatch.sealed(totals.ballots(), byItem));
        return closing.count(b, BallotItem.of(b.id), roster(b.id), closing.clearBallots(b.id), batches, "ballot.decrypted");
    }

    /** For the result while the scrutineers decrypt: who has, and in words what is missing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SealedCountView view(Ballot b) {
        Object[] row = tallyRow(b.id);
        SealRecords.CeremonyRecord c = ceremonies.record(b.ceremonyId);
        @SuppressWarnings("unchecked")
        List<Number> by = em.createNativeQuery("SELECT trustee FROM sealed_partial WHERE ballot_id = :b ORDER BY trustee")
                .setParameter("b", b.id).getResultList();
        List<Integer> decryptedBy = by.stream().map(Number::intValue).toList();
        boolean counted = BallotResult.findByIdOptional(b.id).isPresent();
        String missing = counted ? null
                : "本表决的电子选票已加密封存，须至少 " + c.k() + " 名监票人（共 " + c.n() + " 名）各自解密计票结果，现已有 "
                        + decryptedBy.size() + " 名，还需 " + (c.k() - decryptedBy.size()) + " 名。若能解密的监票人不足 " + c.k()
                        + " 名，本次表决无法计票，须以纸质选票重新表决。";
        return new SealedCountView(((Number) row[0]).intValue(), c.k(), c.n(), decryptedBy, counted, missing);
    }

    /**
     * The board of a closed sealed ballot (public), all but its encrypted ballots: those are read page by page
     * ({@link #boardPage}) while the answer is written ({@link SealedBoardWriter}), so a download holds one page
     * in memory, not the whole box (3,000 ballots are 31.8 MB of hex; a few downloads at once did not fit the
     * image's 200 MiB heap). The checks that refuse a board (404, 409) are made here, before anything is written.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SealedBoardView boardHead(UUID ballotId) {
        Ballot b = Ballot.<Ballot>findByIdOptional(ballotId).orElseThrow(() -> ApiException.notFound("ballot"));
        if (!b.sealed()) {
            throw ApiException.conflict("BALLOT_NOT_SEALED");
        }
        BoardService.requireClosed(b);
        Context ctx = context(b);
        EncryptedTotals totals = totals(b.id);
        List<PartialDecryption> partials = partials(b.id);
        int[][] counts = partials.size() >= ctx.ceremony().k() ? PartialDecryption.combine(ctx, totals, partials) : null;
        ObjectNode node = SealedBoard.write(ctx, List.of(), totals, partials, counts);
        if (counts == null) {
            node.remove("counts");
        }
        BoardService.Board clear = board.board(b.id);
        node.set("paperBallots", json.tree(clear.entries()));
        node.set("paperTotals", json.tree(clear.paperTotals()));
        return json.read(node, SealedBoardView.class);
    }

    /** A page of the box: its ballots as the board shows them, and the stored tracker of its last row (where the next page starts). */
    public record BoardPage(List<SealRecords.BoardBallot> ballots, String last) {
    }

    /**
     * Up to limit encrypted ballots of a closed box as the board shows them (the tracker recomputed from the
     * stored encoding, and the encoding in hex), in the order of the stored trackers, after the given one (null:
     * from the first). A closed box no longer changes, so the pages add up to the whole box.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public BoardPage boardPage(UUID ballotId, String after, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT tracker, encoding FROM sealed_content WHERE ballot_id = :b AND tracker > :after ORDER BY tracker LIMIT :n""")
                .setParameter("b", ballotId).setParameter("after", after == null ? "" : after).setParameter("n", limit)
                .getResultList();
        List<SealRecords.BoardBallot> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            byte[] e = (byte[]) r[1];
            out.add(new SealRecords.BoardBallot(SealedBallot.tracker(e), HEX.formatHex(e)));
        }
        return new BoardPage(out, rows.isEmpty() ? after : (String) rows.get(rows.size() - 1)[0]);
    }

    // ---- reading

    private Context context(Ballot b) {
        return SealLayouts.context(ceremonies.ceremony(b.ceremonyId), b);
    }

    /** The stored encodings of the box's ballots, as cast (each decoded and checked then). */
    private List<byte[]> encodings(UUID ballotId) {
        @SuppressWarnings("unchecked")
        List<byte[]> encodings = em.createNativeQuery("SELECT encoding FROM sealed_content WHERE ballot_id = :b")
                .setParameter("b", ballotId).getResultList();
        return encodings;
    }

    private Object[] tallyRow(UUID ballotId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT ballots, totals, roster FROM sealed_tally WHERE ballot_id = :b")
                .setParameter("b", ballotId).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.conflict("RESULT_NOT_AVAILABLE", BallotStatus.OPEN);
        }
        return rows.get(0);
    }

    private EncryptedTotals totals(UUID ballotId) {
        return SealedBoard.readTotals(json.tree((String) tallyRow(ballotId)[1]));
    }

    private Roster roster(UUID ballotId) {
        int[] r = json.read((String) tallyRow(ballotId)[2], int[].class);
        return new Roster(r[0], r[1], r[2], r[3], r[4]);
    }

    private List<PartialDecryption> partials(UUID ballotId) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("SELECT shares FROM sealed_partial WHERE ballot_id = :b ORDER BY trustee")
                .setParameter("b", ballotId).getResultList();
        List<PartialDecryption> out = new ArrayList<>();
        for (String r : rows) {
            out.add(SealedBoard.readPartial(json.tree(r)));
        }
        return out;
    }

    private String write(Object o) {
        return json.write(o);
    }
}
