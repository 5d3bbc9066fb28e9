package cn.minsheng.ballot.ballot;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.minsheng.ballot.common.Caller;
import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.tally.InvalidReason;

/**
 * A tablet whose answer was lost retries after the ballot closed: its vote was counted, and it must
 * learn so, with its tracker, rather than "ballot closed". At close each electronic cast's sealed
 * receipt is kept in {@code counted_receipt} without the deputy, in random order (V10_1); a retry
 * from a deputy who did cast, with the same Idempotency-Key and body, opens it.
 */
@ApplicationScoped
public class CountedReceipts {

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    /** Whether the failure of a cast means its ballot is closed (refused by CastService or the ballot's trigger). */
    public static boolean ballotClosed(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return "BALLOT_CLOSED".equals(api.code());
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException cve) {
                return "ballot_not_open".equals(cve.getConstraintName());
            }
            if (t instanceof org.postgresql.util.PSQLException pg && pg.getServerErrorMessage() != null) {
                return "ballot_not_open".equals(pg.getServerErrorMessage().getConstraint());
            }
        }
        return false;
    }

    /** Called by the closing transaction before it wipes the receipts kept with participation. */
    public void keep(UUID ballotId) {
        em.createNativeQuery("""
                INSERT INTO counted_receipt (ballot_id, key_hash, body_mac, receipt_enc)
                SELECT ballot_id, key_hash, body_mac, receipt_enc FROM participation
                WHERE ballot_id = :b AND key_hash IS NOT NULL ORDER BY random()""")
                .setParameter("b", ballotId).executeUpdate();
    }

    /** The first receipt of the calling deputy's cast on a closed ballot, if this key and body made it. */
    @Transactional
    public Optional<CastService.Receipt> find(UUID ballotId, String canonicalBody, String idempotencyKey) {
        UUID deputyId = caller.deputyId().orElse(null);
        if (deputyId == null || !CastService.isValidKey(idempotencyKey)) {
            return Optional.empty();
        }
        Number cast = (Number) em.createNativeQuery(
                "SELECT count(*) FROM participation WHERE ballot_id = :b AND deputy_id = :d AND channel = 'ELECTRONIC'")
                .setParameter("b", ballotId).setParameter("d", deputyId).getSingleResult();
        if (cast.intValue() == 0) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT body_mac, receipt_enc FROM counted_receipt WHERE ballot_id = :b AND key_hash = :k")
                .setParameter("b", ballotId).setParameter("k", ReceiptVault.keyHash(idempotencyKey)).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        if (!ReceiptVault.bodyMac(idempotencyKey, canonicalBody).equals(rows.get(0)[0])) {
            throw ApiException.conflict("IDEMPOTENCY_KEY_REUSED");
        }
        String[] sealed = ReceiptVault.open(idempotencyKey, (byte[]) rows.get(0)[1]).split("\\|");
        InvalidReason reason = "null".equals(sealed[1]) ? null : InvalidReason.valueOf(sealed[1]);
        return Optional.of(new CastService.Receipt(ballotId.toString(), sealed[0], reason == null, reason, true));
    }
}
