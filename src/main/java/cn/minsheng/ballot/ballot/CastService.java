package cn.minsheng.ballot.ballot;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.minsheng.ballot.board.BallotMarks;
import cn.minsheng.ballot.board.Tracker;
import cn.minsheng.ballot.common.Caller;
import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.common.ServiceUnavailableException;
import cn.minsheng.ballot.seal.SealException;
import cn.minsheng.ballot.seal.SealedBallot;
import cn.minsheng.ballot.session.SessionService;
import cn.minsheng.ballot.tally.CastBallot;
import cn.minsheng.ballot.tally.InvalidReason;
import cn.minsheng.ballot.tally.Mark;
import cn.minsheng.ballot.tally.Tally;

/**
 * Casting: once per deputy and ballot, decided by the participation table's primary key; the
 * ballot's trigger refuses casts once it is closed, so a cast is either counted or refused.
 */
@ApplicationScoped
public class CastService {

    /** {@code replayed} is true when a retry under the same Idempotency-Key returned the first receipt. */
    @Schema(name = "CastReceipt")
    public record Receipt(String ballotId, String tracker, boolean valid, @Schema(nullable = true) InvalidReason invalidReason, boolean replayed) {
    }

    @Inject
    Caller caller;

    @Inject
    ProofChecks proofChecks;

    @Inject
    BallotService ballots;

    @Inject
    SessionService sessions;

    @Inject
    OpenBallots openBallots;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional
    public Receipt cast(UUID ballotId, List<Mark> marks, String idempotencyKey) {
        return cast(ballotId, marks, null, idempotencyKey);
    }

    /** marks for a ballot in the clear, or sealed (the hex encoding of an encrypted ballot) for a sealed one */
    @Transactional
    public Receipt cast(UUID ballotId, List<Mark> marks, String sealed, String idempotencyKey) {
        Admitted a = admit(ballotId, marks != null, sealed != null);
        OpenBallots.Snapshot b = a.ballot();
        UUID deputyId = a.deputyId();
        if (b.seal() != null) {
            return castSealed(b, deputyId, sealed, idempotencyKey);
        }
        Optional<InvalidReason> invalid = Tally.check(b.rules(), b.items(), new CastBallot(marks));
        if (invalid.isPresent() && !(b.acceptOvermarked()
                && (invalid.get() == InvalidReason.TOO_MANY_MARKS || invalid.get() == InvalidReason.TOO_FEW_MARKS))) {
            throw ApiException.badRequest(invalid.get().name());
        }
        String canonical = BallotMarks.canonical(marks);
        String nonce = ReceiptVault.nonce();
        String tracker = Tracker.of(b.id().toString(), canonical, nonce);
        Receipt receipt = new Receipt(b.id().toString(), tracker, invalid.isEmpty(), invalid.orElse(null), false);

        int inserted = storeClear(b.id(), b.sessionId(), deputyId, idempotencyKey, canonical, tracker, nonce, receipt.invalidReason());
        if (inserted == 0) {
            return refusedOrReplayed(b, deputyId, idempotencyKey, canonical);
        }
        if (b.secrecy() == Secrecy.NAMED) {
            em.createNativeQuery("INSERT INTO named_vote (ballot_id, deputy_id, tracker) VALUES (:b, :d, :t)")
                    .setParameter("b", b.id()).setParameter("d", deputyId).setParameter("t", tracker).executeUpdate();
        }
        return receipt; // no NOTIFY: the live streams count casts themselves (TurnoutHub)
    }

    /** The ballot as casting knows it and the deputy admitted to cast on it. */
    record Admitted(OpenBallots.Snapshot ballot, UUID deputyId) {
    }

    /**
     * May the caller cast on this ballot now, and in this form: the ballot open (or remembered open: the
     * participation trigger refuses a cast once it has closed), in the caller's congress, the caller a deputy,
     * the electronic channel open, and marks in the clear or a sealed ballot as the ballot takes them.
     * Whether this deputy is seated and present is the cast statement's ({@link SessionService#MAY_CAST}).
     */
    Admitted admit(UUID ballotId, boolean marks, boolean sealed) {
        OpenBallots.Snapshot b = openBallots.get(ballotId).orElse(null);
        if (b == null) {
            Ballot ballot = ballots.find(ballotId);
            BallotService.move(ballot.status, BallotLifecycle.BallotEvent.CAST);
            b = openBallots.remember(ballot);
        }
        caller.requireSameCongress(b.congressId(), "ballot");
        UUID deputyId = caller.requireDeputy();
        if (!b.electronic()) {
            throw ApiException.conflict("CHANNEL_CLOSED", Channel.ELECTRONIC);
        }
        if (b.seal() != null && !sealed) {
            throw ApiException.badRequest("SEALED_BALLOT_REQUIRED"); // never take marks in the clear for a sealed ballot
        }
        if (b.seal() == null && sealed) {
            throw ApiException.badRequest("BALLOT_NOT_SEALED");
        }
        if (b.seal() == null && !marks) {
            throw ApiException.badRequest("MARKS_REQUIRED");
        }
        return new Admitted(b, deputyId);
    }

    /**
     * One statement, one round trip: the participation row (only for a deputy seated and present,
     * and only once) and, if it went in, the secret content. 1 when it went in, else 0.
     * (Also the warm-up's rehearsal, CastRehearsal, inside a transaction that rolls back.)
     */
    int storeClear(UUID ballotId, UUID sessionId, UUID deputyId, String idempotencyKey, String canonical, String tracker, String nonce,
            InvalidReason invalid) {
        return ((Number) castBy(ballotId, sessionId, deputyId, idempotencyKey, canonical, tracker + "|" + invalid, CAST_BY + """
                stored AS (
                    INSERT INTO ballot_content (id, ballot_id, tracker, nonce, marks, channel)
                    SELECT :id, ballot_id, :t, :n, :m, 'ELECTRONIC' FROM cast_by
                    RETURNING 1)
                SELECT count(*) FROM stored""")
                .setParameter("id", UUID.randomUUID()).setParameter("t", tracker).setParameter("n", nonce)
                .setParameter("m", canonical).getSingleResult()).intValue();
    }

    /**
     * A sealed ballot: every proof is checked here (422 SEALED_BALLOT_INVALID), a cast id or ciphertext
     * already in the box is refused (422 SEALED_BALLOT_REPLAYED), and only the encrypted ballot and its
     * tracker are stored. The participation row goes in with it (one statement, as in the clear): all it
     * could ever be linked to is a ciphertext under the scrutineers' joint key, which reveals nothing.
     */
    private Receipt castSealed(OpenBallots.Snapshot b, UUID deputyId, String sealedHex, String idempotencyKey) {
        byte[] encoding = CeremonyService.hex(sealedHex);
        SealedBallot ballot;
        try {
            ballot = proofChecks.check(() -> SealedBallot.decode(b.seal(), encoding).verify(b.seal()));
        } catch (SealException e) {
            throw new ApiException(ApiException.Kind.REJECTED, "SEALED_BALLOT_INVALID");
        }
        if (ballot.castId().equals(idempotencyKey)) {
            throw ApiException.badRequest("SEALED_CAST_ID_IS_KEY"); // the board shows the cast id: it must not be the retry key
        }
        String tracker = SealedBallot.tracker(encoding); // decode accepts only the canonical encoding: no need to encode it again
        String canonical = sealedBody(tracker);
        Receipt receipt = new Receipt(b.id().toString(), tracker, true, null, false);
        int[] counts = storeSealed(b.id(), b.sessionId(), deputyId, idempotencyKey, canonical, ballot, encoding, tracker);
        if (counts[0] == 0) {
            return refusedOrReplayed(b, deputyId, idempotencyKey, canonical);
        }
        if (counts[1] != 1 || counts[2] != counts[3]) {
            throw new ApiException(ApiException.Kind.REJECTED, "SEALED_BALLOT_REPLAYED"); // rolls the participation row back too
        }
        return receipt;
    }

    /**
     * The sealed cast's one statement: the participation row, the encrypted ballot and its α values (the replay check).
     * Answers how many participation rows, ballots and α values went in, and how many α values the ballot has.
     * The tracker is the hash of the encoding ({@link SealedBallot#tracker(byte[])}), computed once by the caller.
     */
    int[] storeSealed(UUID ballotId, UUID sessionId, UUID deputyId, String idempotencyKey, String canonical, SealedBallot ballot,
            byte[] encoding, String tracker) {
        List<String> alphas = new java.util.ArrayList<>();
        ballot.items().forEach(i -> i.marks().forEach(m -> alphas.add(java.util.HexFormat.of().formatHex(
                cn.minsheng.ballot.seal.Group.encodePoint(m.ct().alpha())))));
        Object[] counts = (Object[]) castBy(ballotId, sessionId, deputyId, idempotencyKey, canonical, tracker + "|null",
                CAST_BY + """
                stored AS (
                    INSERT INTO sealed_content (id, ballot_id, tracker, cast_id, encoding)
                    SELECT :id, ballot_id, :t, :cid, :e FROM cast_by
                    ON CONFLICT DO NOTHING
                    RETURNING 1),
                alphas AS (
                    INSERT INTO sealed_alpha (ballot_id, alpha)
                    SELECT ballot_id, a FROM cast_by, string_to_table(:alphas, ',') a
                    ON CONFLICT DO NOTHING
                    RETURNING 1)
                SELECT (SELECT count(*) FROM cast_by), (SELECT count(*) FROM stored), (SELECT count(*) FROM alphas)""")
                .setParameter("id", UUID.randomUUID()).setParameter("t", tracker).setParameter("cid", ballot.castId())
                .setParameter("e", encoding).setParameter("alphas", String.join(",", alphas)).getSingleResult();
        return new int[] { ((Number) counts[0]).intValue(), ((Number) counts[1]).intValue(), ((Number) counts[2]).intValue(),
                alphas.size() };
    }

    /** The head of both cast statements: the participation row, only for a deputy seated and present, and only once. */
    private static final String CAST_BY = """
            WITH cast_by AS (
                INSERT INTO participation (ballot_id, deputy_id, channel, cast_at, key_hash, body_mac, receipt_enc)
                SELECT :b, :d, 'ELECTRONIC', :at, :kh, :mac, :enc
                WHERE\s""" + SessionService.MAY_CAST + """

                ON CONFLICT (ballot_id, deputy_id) DO NOTHING
                RETURNING ballot_id),
            """;

    /** A cast statement (CAST_BY and what follows it) with the participation row's parameters set. */
    private jakarta.persistence.Query castBy(UUID ballotId, UUID sessionId, UUID deputyId, String idempotencyKey, String canonical,
            String receiptText, String sql) {
        return em.createNativeQuery(sql).setParameter("b", ballotId).setParameter("d", deputyId).setParameter("s", sessionId)
                .setParameter("at", clock.instant())
                .setParameter("kh", ReceiptVault.keyHash(idempotencyKey))
                .setParameter("mac", ReceiptVault.bodyMac(idempotencyKey, canonical))
                .setParameter("enc", ReceiptVault.seal(idempotencyKey, receiptText));
    }

    /** Nothing went in: the deputy may not cast here, or has cast already (then a retry gets its first receipt back). */
    private Receipt refusedOrReplayed(OpenBallots.Snapshot b, UUID deputyId, String idempotencyKey, String canonical) {
        sessions.requireMayCast(b.sessionId(), deputyId); // the same rule the cast statement applied, in words
        return replay(b, deputyId, idempotencyKey, canonical);
    }

    /**
     * The deputy has voted already: the same key and body get the first receipt back, anything else is refused.
     * No participation row at all means the deputy's standing changed between the cast statement and the check
     * after it (checked in, say, in the same millisecond): nothing was written, and the tablet sends the ballot
     * again (503 CAST_INTERRUPTED with Retry-After; the same key makes it safe).
     */
    Receipt replay(OpenBallots.Snapshot b, UUID deputyId, String idempotencyKey, String canonical) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT key_hash, body_mac, receipt_enc, channel FROM participation WHERE ballot_id = :b AND deputy_id = :d")
                .setParameter("b", b.id()).setParameter("d", deputyId).getResultList();
        if (rows.isEmpty()) {
            throw new ServiceUnavailableException("CAST_INTERRUPTED");
        }
        Object[] row = rows.get(0);
        if ("PAPER".equals(row[3])) {
            throw ApiException.conflict("PAPER_BALLOT_ISSUED"); // this deputy's one ballot is on paper
        }
        if (!ReceiptVault.keyHash(idempotencyKey).equals(row[0])) {
            throw ApiException.conflict("ALREADY_VOTED");
        }
        if (!ReceiptVault.bodyMac(idempotencyKey, canonical).equals(row[1])) {
            throw ApiException.conflict("IDEMPOTENCY_KEY_REUSED");
        }
        String[] sealed = ReceiptVault.open(idempotencyKey, (byte[]) row[2]).split("\\|");
        InvalidReason reason = "null".equals(sealed[1]) ? null : InvalidReason.valueOf(sealed[1]);
        return new Receipt(b.id().toString(), sealed[0], reason == null, reason, true);
    }

    /** What the retry MAC covers: the marks in canonical form, or for a sealed ballot its tracker (the hash of its encoding). */
    static String canonicalBody(List<Mark> marks, String sealed) {
        return sealed != null ? sealedBody(SealedBallot.tracker(CeremonyService.hex(sealed))) : BallotMarks.canonical(marks);
    }

    /** What the retry MAC covers for a sealed ballot with this tracker. */
    static String sealedBody(String tracker) {
        return "sealed:" + tracker;
    }

    static boolean isValidKey(String key) {
        return key != null && key.matches("[A-Za-z0-9_.:-]{16,128}");
    }
}
