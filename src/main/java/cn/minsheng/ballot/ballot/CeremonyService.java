package cn.minsheng.ballot.ballot;

import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.bouncycastle.math.ec.ECPoint;
import org.eclipse.microprofile.openapi.annotations.media.Schema;


import cn.minsheng.ballot.common.Json;
import cn.minsheng.ballot.audit.AuditLog;
import cn.minsheng.ballot.ballot.SealRecords.CeremonyRecord;
import cn.minsheng.ballot.ballot.SealRecords.Proof;
import cn.minsheng.ballot.ballot.SealRecords.TrusteeRecord;
import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.common.Caller;
import cn.minsheng.ballot.seal.Ceremony;
import cn.minsheng.ballot.seal.Complaint;
import cn.minsheng.ballot.seal.DlogProof;
import cn.minsheng.ballot.seal.EncryptedShare;
import cn.minsheng.ballot.seal.Group;
import cn.minsheng.ballot.seal.SealException;
import cn.minsheng.ballot.seal.TrusteePublic;
import cn.minsheng.ballot.session.Session;
import cn.minsheng.ballot.session.SessionService;
import cn.minsheng.ballot.session.SessionStatus;
import cn.minsheng.ballot.verifier.SealedBoard;

/**
 * The scrutineers' key ceremony (密钥仪式) of a session: Feldman distributed key generation, k of n,
 * run by the scrutineers' own devices through the service. The trustees are the congress's enabled
 * scrutineer accounts when the ceremony starts, numbered 1 … n in the order the accounts were made.
 * The service stores only public keys, commitments, shares encrypted to a trustee's key, complaints
 * with their verdicts and the joint key; it checks every proof it can and judges every complaint.
 */
@ApplicationScoped
@Transactional
public class CeremonyService {

    public enum CeremonyStatus {
        RUNNING, DONE, FAILED
    }

    @Schema(name = "CeremonyTrustee")
    public record TrusteeView(int index, String name, boolean keyPosted, boolean sharesPosted, boolean done) {
    }

    @Schema(name = "CeremonyComplaint", description = "a public complaint about a share and the service's verdict: atFault names "
            + "the trustee the record shows at fault (the accused when the opened share is bad, else the complainer)")
    public record ComplaintView(int accused, int complainer, @Schema(nullable = true) String shared, @Schema(nullable = true) Proof proof,
            int atFault, @Schema(nullable = true) String verdict) {
    }

    @Schema(name = "Ceremony")
    public record CeremonyView(String id, String sessionId, int k, int n, CeremonyStatus status,
            @Schema(nullable = true, description = "the calling scrutineer's trustee index; absent for anyone else") Integer you,
            List<TrusteeView> trustees, List<ComplaintView> complaints,
            @Schema(nullable = true, description = "the joint election key once the ceremony is done") String jointKey,
            @Schema(nullable = true, description = "in words, what the ceremony still waits for (or why it failed); absent when done") String missing,
            @Schema(nullable = true) CeremonyRecord record, Instant createdAt, @Schema(nullable = true) Instant finishedAt) {
    }

    @Schema(name = "CeremonyShare", description = "P_sender(recipient) sealed to the recipient's communication key (ephemeral E, AES-GCM box)")
    public record ShareRecord(int sender, int recipient, String ephemeral, String box) {
    }

    /** A finished ceremony, as the ballots of the session use it. */
    public record Done(UUID id, Ceremony ceremony) {
    }

    private static final HexFormat HEX = HexFormat.of();

    @Inject
    Caller caller;

    @Inject
    SessionService sessions;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    Json json;

    @Inject
    Clock clock;

    public CeremonyView start(UUID sessionId, Integer threshold) {
        Session session = sessions.find(sessionId);
        if (session.status == SessionStatus.CLOSED) {
            throw ApiException.conflict("SESSION_NOT_OPEN", session.status);
        }
        em.createNativeQuery("SELECT 1 FROM session WHERE id = :s FOR UPDATE").setParameter("s", session.id).getResultList();
        if (live(session.id).isPresent()) {
            throw ApiException.conflict("CEREMONY_EXISTS");
        }
        @SuppressWarnings("unchecked")
        List<UUID> scrutineers = em.createNativeQuery("""
                SELECT id FROM account WHERE congress_id = :c AND role = 'scrutineer' AND enabled ORDER BY created_at, id""")
                .setParameter("c", session.congressId).getResultList();
        if (!scrutineers.contains(caller.accountId())) {
            throw ApiException.forbidden();
        }
        int n = scrutineers.size();
        int k = threshold == null ? n / 2 + 1 : threshold;
        if (k < 1 || k > n) {
            throw ApiException.badRequest("CEREMONY_THRESHOLD_INVALID", n);
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                INSERT INTO seal_ceremony (id, session_id, k, n, status, created_at) VALUES (:id, :s, :k, :n, 'RUNNING', :at)""")
                .setParameter("id", id).setParameter("s", session.id).setParameter("k", k).setParameter("n", n)
                .setParameter("at", clock.instant()).executeUpdate();
        for (int i = 0; i < n; i++) {
            em.createNativeQuery("INSERT INTO seal_trustee (ceremony_id, idx, account_id) VALUES (:c, :i, :a)").setParameter("c", id)
                    .setParameter("i", i + 1).setParameter("a", scrutineers.get(i)).executeUpdate();
        }
        audit.append(session.congressId, "ceremony.started", "session", session.id, Map.of("ceremony", id.toString(), "k", k, "n", n));
        return view(row(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CeremonyView get(UUID sessionId) {
        return view(latest(sessionId));
    }

    /** The session's running or done ceremony, else its last failed one. */
    private Row latest(UUID sessionId) {
        Session session = sessions.find(sessionId);
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                SELECT id FROM seal_ceremony WHERE session_id = :s ORDER BY (status <> 'FAILED') DESC, created_at DESC LIMIT 1""")
                .setParameter("s", session.id).getResultList();
        if (ids.isEmpty()) {
            throw new ApiException(ApiException.Kind.NOT_FOUND, "CEREMONY_NOT_FOUND");
        }
        return row(ids.get(0));
    }

    public CeremonyView postKey(UUID sessionId, String commsKey, Proof proof) {
        Row c = running(sessionId);
        int me = myIndex(c);
        ECPoint x = point(commsKey);
        DlogProof p = proof(proof);
        if (!TrusteePublic.commsKeyChecks(c.params(), me, x, p)) {
            throw new ApiException(ApiException.Kind.REJECTED, "SEAL_PROOF_INVALID");
        }
        int updated = em.createNativeQuery("""
                UPDATE seal_trustee SET comms_key = :x, comms_proof = :p WHERE ceremony_id = :c AND idx = :i AND comms_key IS NULL""")
                .setParameter("x", SealedBoard.point(x)).setParameter("p", write(proofRecord(p))).setParameter("c", c.id())
                .setParameter("i", me).executeUpdate();
        if (updated == 0) {
            throw ApiException.conflict("CEREMONY_STEP_DONE");
        }
        return view(row(c.id()));
    }

    public CeremonyView postCommitments(UUID sessionId, List<String> commitments, List<Proof> proofs, List<ShareRecord> shares) {
        Row c = running(sessionId);
        int me = myIndex(c);
        List<TrusteeRow> trustees = trustees(c.id());
        List<String> noKey = trustees.stream().filter(t -> t.commsKey() == null).map(TrusteeRow::name).toList();
        if (!noKey.isEmpty()) {
            throw ApiException.conflict("CEREMONY_KEYS_MISSING", String.join("、", noKey));
        }
        TrusteeRow mine = trustees.get(me - 1);
        if (mine.commitments() != null) {
            throw ApiException.conflict("CEREMONY_STEP_DONE");
        }
        TrusteePublic pub;
        try {
            pub = new TrusteePublic(me, point(mine.commsKey()), proof(read(mine.commsProof(), Proof.class)),
                    commitments.stream().map(this::point).toList(), proofs.stream().map(this::proof).toList());
            pub.verify(c.params());
        } catch (SealException e) {
            throw new ApiException(ApiException.Kind.REJECTED, "SEAL_PROOF_INVALID");
        }
        boolean[] to = new boolean[c.n() + 1];
        for (ShareRecord s : shares) {
            if (s.recipient() < 1 || s.recipient() > c.n() || s.recipient() == me || to[s.recipient()] || s.sender() != me) {
                throw ApiException.badRequest("CEREMONY_SHARES_INVALID", c.n() - 1);
            }
            to[s.recipient()] = true;
            point(s.ephemeral());
            hex(s.box());
        }
        if (shares.size() != c.n() - 1) {
            throw ApiException.badRequest("CEREMONY_SHARES_INVALID", c.n() - 1);
        }
        for (ShareRecord s : shares) {
            em.createNativeQuery("""
                    INSERT INTO seal_share (ceremony_id, sender, recipient, ephemeral, box) VALUES (:c, :s, :r, :e, :b)""")
                    .setParameter("c", c.id()).setParameter("s", me).setParameter("r", s.recipient())
                    .setParameter("e", s.ephemeral().toLowerCase()).setParameter("b", hex(s.box())).executeUpdate();
        }
        em.createNativeQuery("UPDATE seal_trustee SET commitments = :j WHERE ceremony_id = :c AND idx = :i")
                .setParameter("j", write(new Commitments(commitments.stream().map(String::toLowerCase).toList(), proofs)))
                .setParameter("c", c.id()).setParameter("i", me).executeUpdate();
        return view(row(c.id()));
    }

    /** The shares addressed to the calling scrutineer. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ShareRecord> myShares(UUID sessionId) {
        Row c = latest(sessionId);
        int me = myIndex(c);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT sender, recipient, ephemeral, box FROM seal_share WHERE ceremony_id = :c AND recipient = :r ORDER BY sender""")
                .setParameter("c", c.id()).setParameter("r", me).getResultList();
        return rows.stream().map(r -> new ShareRecord(((Number) r[0]).intValue(), ((Number) r[1]).intValue(), (String) r[2],
                HEX.formatHex((byte[]) r[3]))).toList();
    }

    /** A complaint about the share {@code accused} sent the caller: judged at once, in public; an upheld one fails the ceremony. */
    public CeremonyView complain(UUID sessionId, int accused, String shared, Proof proof) {
        Row c = running(sessionId);
        int me = myIndex(c);
        Ceremony ceremony = complete(c);
        EncryptedShare share = share(c.id(), accused, me)
                .orElseThrow(() -> ApiException.conflict("CEREMONY_NO_SUCH_SHARE"));
        Complaint complaint = new Complaint(accused, me, point(shared), proof(proof));
        Complaint.Verdict verdict = complaint.judge(ceremony, share);
        int inserted = em.createNativeQuery("""
                INSERT INTO seal_complaint (ceremony_id, accused, complainer, shared, proof, at_fault, filed_at)
                VALUES (:c, :a, :m, :z, :p, :f, :at) ON CONFLICT DO NOTHING""").setParameter("c", c.id()).setParameter("a", accused)
                .setParameter("m", me).setParameter("z", SealedBoard.point(complaint.shared())).setParameter("p", write(proof))
                .setParameter("f", verdict.atFault()).setParameter("at", clock.instant()).executeUpdate();
        if (inserted == 0) {
            throw ApiException.conflict("CEREMONY_STEP_DONE");
        }
        if (verdict.atFault() == accused) {
            em.createNativeQuery("UPDATE seal_ceremony SET status = 'FAILED', failed_by = :f, finished_at = :at WHERE id = :c")
                    .setParameter("f", accused).setParameter("at", clock.instant()).setParameter("c", c.id()).executeUpdate();
        }
        audit.append(c.congressId(), "ceremony.complaint", "session", c.sessionId(),
                Map.of("ceremony", c.id().toString(), "accused", accused, "complainer", me, "atFault", verdict.atFault()));
        return view(row(c.id()));
    }

    /** The caller's device has checked every share it received and holds its key; when all have, the ceremony is done. */
    public CeremonyView done(UUID sessionId) {
        Row c = running(sessionId);
        int me = myIndex(c);
        Ceremony ceremony = complete(c);
        long received = ((Number) em.createNativeQuery("SELECT count(*) FROM seal_share WHERE ceremony_id = :c AND recipient = :r")
                .setParameter("c", c.id()).setParameter("r", me).getSingleResult()).longValue();
        if (received != c.n() - 1) {
            throw ApiException.conflict("CEREMONY_SHARES_MISSING");
        }
        em.createNativeQuery("UPDATE seal_trustee SET done = true WHERE ceremony_id = :c AND idx = :i").setParameter("c", c.id())
                .setParameter("i", me).executeUpdate();
        long notDone = ((Number) em.createNativeQuery("SELECT count(*) FROM seal_trustee WHERE ceremony_id = :c AND NOT done")
                .setParameter("c", c.id()).getSingleResult()).longValue();
        if (notDone == 0) {
            em.createNativeQuery("UPDATE seal_ceremony SET status = 'DONE', joint_key = :k, finished_at = :at WHERE id = :c")
                    .setParameter("k", SealedBoard.point(ceremony.jointKey())).setParameter("at", clock.instant())
                    .setParameter("c", c.id()).executeUpdate();
            audit.append(c.congressId(), "ceremony.done", "session", c.sessionId(),
                    Map.of("ceremony", c.id().toString(), "jointKey", SealedBoard.point(ceremony.jointKey())));
        }
        return view(row(c.id()));
    }

    // ---- for the ballots

    /** The session's running or finished ceremony, if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CeremonyView> live(UUID sessionId) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("SELECT id FROM seal_ceremony WHERE session_id = :s AND status <> 'FAILED'")
                .setParameter("s", sessionId).getResultList();
        return ids.stream().findFirst().map(id -> view(row(id)));
    }

    /** A finished ceremony's public record, every proof checked. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Ceremony ceremony(UUID ceremonyId) {
        return complete(row(ceremonyId)).verified();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CeremonyRecord record(UUID ceremonyId) {
        Row c = row(ceremonyId);
        return record(c, trustees(c.id()));
    }

    /** The calling scrutineer's trustee index in a ceremony, or empty. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Integer> trusteeOf(UUID ceremonyId) {
        if (!caller.isAuthenticated()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Number> idx = em.createNativeQuery("SELECT idx FROM seal_trustee WHERE ceremony_id = :c AND account_id = :a")
                .setParameter("c", ceremonyId).setParameter("a", caller.accountId()).getResultList();
        return idx.stream().findFirst().map(Number::intValue);
    }

    /** A sealed ballot's context for the tablets. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SealRecords.ContextRecord context(Ballot b) {
        if (!b.sealed()) {
            throw ApiException.conflict("BALLOT_NOT_SEALED");
        }
        cn.minsheng.ballot.seal.Context ctx = SealLayouts.context(ceremony(b.ceremonyId), b);
        cn.minsheng.ballot.seal.Layout l = ctx.layout();
        return new SealRecords.ContextRecord(record(b.ceremonyId), b.id.toString(),
                new SealRecords.LayoutRecord(l.method(), l.items(), l.choices(), l.minFor(), l.maxFor()), ctx.hashHex(),
                SealedBoard.point(ctx.jointKey()));
    }

    // ---- rows

    record Row(UUID id, UUID sessionId, UUID congressId, int k, int n, CeremonyStatus status, String jointKey, Integer failedBy,
            Instant createdAt, Instant finishedAt) {
        Ceremony params() {
            return new Ceremony(id.toString(), k, n, List.of());
        }
    }

    record TrusteeRow(int index, UUID accountId, String name, String commsKey, String commsProof, String commitments, boolean done) {
    }

    record Commitments(List<String> commitments, List<Proof> coefficientProofs) {
    }

    private Row row(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT c.id, c.session_id, s.congress_id, c.k, c.n, c.status, c.joint_key, c.failed_by, c.created_at, c.finished_at
                FROM seal_ceremony c JOIN session s ON s.id = c.session_id WHERE c.id = :c""").setParameter("c", id).getResultList();
        if (rows.isEmpty()) {
            throw new ApiException(ApiException.Kind.NOT_FOUND, "CEREMONY_NOT_FOUND");
        }
        Object[] r = rows.get(0);
        return new Row((UUID) r[0], (UUID) r[1], (UUID) r[2], ((Number) r[3]).intValue(), ((Number) r[4]).intValue(),
                CeremonyStatus.valueOf((String) r[5]), (String) r[6], r[7] == null ? null : ((Number) r[7]).intValue(), instant(r[8]),
                instant(r[9]));
    }

    private List<TrusteeRow> trustees(UUID ceremonyId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT t.idx, t.account_id, coalesce(a.display_name, a.username), t.comms_key, t.comms_proof, t.commitments, t.done
                FROM seal_trustee t JOIN account a ON a.id = t.account_id WHERE t.ceremony_id = :c ORDER BY t.idx""")
                .setParameter("c", ceremonyId).getResultList();
        return rows.stream().map(r -> new TrusteeRow(((Number) r[0]).intValue(), (UUID) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (Boolean) r[6])).toList();
    }

    private Row running(UUID sessionId) {
        Session session = sessions.find(sessionId);
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("SELECT id FROM seal_ceremony WHERE session_id = :s AND status = 'RUNNING' FOR UPDATE")
                .setParameter("s", session.id).getResultList();
        if (ids.isEmpty()) {
            throw ApiException.conflict("CEREMONY_NOT_RUNNING");
        }
        return row(ids.get(0));
    }

    private int myIndex(Row c) {
        return trusteeOf(c.id()).orElseThrow(() -> new ApiException(ApiException.Kind.FORBIDDEN, "NOT_A_TRUSTEE"));
    }

    /** The ceremony with every trustee's record, or 409 naming who has not posted theirs. */
    private Ceremony complete(Row c) {
        List<TrusteeRow> ts = trustees(c.id());
        List<String> missing = ts.stream().filter(t -> t.commitments() == null).map(TrusteeRow::name).toList();
        if (!missing.isEmpty()) {
            throw ApiException.conflict("CEREMONY_COMMITMENTS_MISSING", String.join("、", missing));
        }
        return SealedBoard.readCeremony(json.tree(record(c, ts)));
    }

    private Optional<EncryptedShare> share(UUID ceremonyId, int sender, int recipient) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT ephemeral, box FROM seal_share WHERE ceremony_id = :c AND sender = :s AND recipient = :r""")
                .setParameter("c", ceremonyId).setParameter("s", sender).setParameter("r", recipient).getResultList();
        return rows.stream().findFirst().map(r -> new EncryptedShare(sender, recipient, point((String) r[0]), (byte[]) r[1]));
    }

    private CeremonyRecord record(Row c, List<TrusteeRow> ts) {
        List<TrusteeRecord> records = new ArrayList<>();
        for (TrusteeRow t : ts) {
            Commitments cs = t.commitments() == null ? new Commitments(List.of(), List.of()) : read(t.commitments(), Commitments.class);
            records.add(new TrusteeRecord(t.index(), t.commsKey(), t.commsProof() == null ? null : read(t.commsProof(), Proof.class),
                    cs.commitments(), cs.coefficientProofs()));
        }
        return new CeremonyRecord(c.id().toString(), c.k(), c.n(), records);
    }

    private CeremonyView view(Row c) {
        List<TrusteeRow> ts = trustees(c.id());
        @SuppressWarnings("unchecked")
        List<Number> senders = em.createNativeQuery("SELECT DISTINCT sender FROM seal_share WHERE ceremony_id = :c")
                .setParameter("c", c.id()).getResultList();
        List<Integer> sent = senders.stream().map(Number::intValue).toList();
        List<TrusteeView> trustees = ts.stream().map(t -> new TrusteeView(t.index(), t.name(), t.commsKey() != null,
                sent.contains(t.index()), t.done())).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT accused, complainer, shared, proof, at_fault FROM seal_complaint WHERE ceremony_id = :c ORDER BY filed_at""")
                .setParameter("c", c.id()).getResultList();
        List<ComplaintView> complaints = rows.stream().map(r -> {
            int accused = ((Number) r[0]).intValue();
            int complainer = ((Number) r[1]).intValue();
            int atFault = ((Number) r[4]).intValue();
            String verdict = atFault == accused
                    ? "经公开核验，" + name(ts, accused) + " 发给 " + name(ts, complainer) + " 的份额有误（与其承诺不符或无法解密）。"
                    : "经公开核验，" + name(ts, accused) + " 发给 " + name(ts, complainer) + " 的份额无误，申诉不成立。";
            return new ComplaintView(accused, complainer, (String) r[2], read((String) r[3], Proof.class), atFault, verdict);
        }).toList();
        Integer you = trusteeOf(c.id()).orElse(null);
        return new CeremonyView(c.id().toString(), c.sessionId().toString(), c.k(), c.n(), c.status(), you, trustees, complaints,
                c.jointKey(), missing(c, ts, sent), record(c, ts), c.createdAt(), c.finishedAt());
    }

    /** In words, what the ceremony waits for. */
    private static String missing(Row c, List<TrusteeRow> ts, List<Integer> sent) {
        return switch (c.status()) {
            case DONE -> null;
            case FAILED -> "监票人 " + name(ts, c.failedBy() == null ? 0 : c.failedBy())
                    + " 发送的密钥份额经公开核验有误，本次密钥仪式失败，须重新举行。";
            case RUNNING -> {
                List<String> noKey = ts.stream().filter(t -> t.commsKey() == null).map(TrusteeRow::name).toList();
                List<String> noShares = ts.stream().filter(t -> !sent.contains(t.index())).map(TrusteeRow::name).toList();
                List<String> notDone = ts.stream().filter(t -> !t.done()).map(TrusteeRow::name).toList();
                yield !noKey.isEmpty() ? "密钥仪式进行中：等待监票人 " + String.join("、", noKey) + " 提交公钥。"
                        : !noShares.isEmpty() ? "密钥仪式进行中：等待监票人 " + String.join("、", noShares) + " 提交承诺和加密份额。"
                                : "密钥仪式进行中：等待监票人 " + String.join("、", notDone) + " 核对收到的份额并确认完成。";
            }
        };
    }

    private static String name(List<TrusteeRow> ts, int index) {
        return ts.stream().filter(t -> t.index() == index).map(TrusteeRow::name).findFirst().orElse("（未知）");
    }

    private ECPoint point(String hex) {
        try {
            ECPoint p = Group.decodePoint(hex(hex));
            if (p.isInfinity()) {
                throw new SealException("infinity");
            }
            return p;
        } catch (SealException | IllegalArgumentException e) {
            throw ApiException.badRequest("SEAL_ENCODING_INVALID");
        }
    }

    private DlogProof proof(Proof p) {
        try {
            return new DlogProof(Group.decodeScalar(hex(p.c())), Group.decodeScalar(hex(p.v())));
        } catch (SealException | IllegalArgumentException | NullPointerException e) {
            throw ApiException.badRequest("SEAL_ENCODING_INVALID");
        }
    }

    private static Proof proofRecord(DlogProof p) {
        return new Proof(SealedBoard.scalar(p.c()), SealedBoard.scalar(p.v()));
    }

    static byte[] hex(String text) {
        try {
            return HEX.parseHex(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.badRequest("SEAL_ENCODING_INVALID");
        }
    }

    private String write(Object o) {
        return json.write(o);
    }

    private <T> T read(String text, Class<T> type) {
        return json.read(text, type);
    }

    private static Instant instant(Object value) {
        return value == null ? null : value instanceof Instant i ? i : value instanceof java.time.OffsetDateTime o ? o.toInstant()
                : ((java.sql.Timestamp) value).toInstant();
    }
}
