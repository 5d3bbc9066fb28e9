package cn.minsheng.ballot.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.minsheng.ballot.common.ZoneConfig;

/**
 * The audit chain's heads that left the service: the head stamped on every published result (and
 * printed on its notice), and the latest head of each day, shown on the public page so that anyone
 * may write them down. A chain rewritten or cut behind any of them no longer reaches it; the
 * verifier, online and offline, checks every one.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PublishedHeads {

    /** A head stamped on a published result. */
    @Schema(name = "StampedAuditHead")
    public record Stamped(String ballotId, String head, Instant publishedAt) {
    }

    /** The last entry of a day (in the congress's calendar). */
    @Schema(name = "DailyAuditHead")
    public record Daily(LocalDate day, long seq, String head) {
    }

    @Schema(name = "AuditHeads")
    public record Heads(String chainId, @Schema(nullable = true) Daily latest, List<Daily> daily, List<Stamped> published) {
    }

    /** A published head the chain does not reach, and the entry where it breaks. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(requiredProperties = { "ballotId", "head", "breaksAt" })
    public record Unreached(String ballotId, String head, long breaksAt) {
    }

    @Inject
    EntityManager em;

    @Inject
    ZoneConfig zoneConfig;

    public List<Stamped> stamped(UUID congressId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT CAST(r.ballot_id AS text), r.audit_head, r.published_at FROM ballot_result r JOIN ballot b ON b.id = r.ballot_id
                WHERE b.congress_id = :c AND r.status = 'PUBLISHED' AND r.audit_head IS NOT NULL ORDER BY r.published_at""")
                .setParameter("c", congressId).getResultList();
        List<Stamped> heads = new ArrayList<>();
        for (Object[] row : rows) {
            heads.add(new Stamped((String) row[0], (String) row[1], instant(row[2])));
        }
        return heads;
    }

    /** The latest head of each of the last {@code days} days with entries, newest first. */
    public Heads heads(UUID congressId, int days) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT DISTINCT ON (day) day, seq, hash FROM (
                    SELECT CAST(timezone(:z, at) AS date) AS day, seq, hash FROM audit_entry WHERE chain_id = :c) e
                ORDER BY day DESC, seq DESC LIMIT :n""")
                .setParameter("z", zoneConfig.zone().getId()).setParameter("c", congressId).setParameter("n", days).getResultList();
        List<Daily> daily = new ArrayList<>();
        for (Object[] row : rows) {
            LocalDate day = row[0] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) row[0];
            daily.add(new Daily(day, ((Number) row[1]).longValue(), (String) row[2]));
        }
        return new Heads(congressId.toString(), daily.isEmpty() ? null : daily.get(0), daily, stamped(congressId));
    }

    /**
     * The published heads that are not the hash of an entry of the (otherwise intact) chain. Where it
     * breaks: the entry that claims to be that result's publication, or the end of the chain.
     */
    public List<Unreached> unreached(UUID congressId, Map<String, Long> reached, long entries) {
        List<Unreached> missing = new ArrayList<>();
        for (Stamped s : stamped(congressId)) {
            if (!reached.containsKey(s.head())) {
                @SuppressWarnings("unchecked")
                List<Number> at = em.createNativeQuery("""
                        SELECT seq FROM audit_entry WHERE chain_id = :c AND action = 'result.published' AND subject_id = :b
                        ORDER BY seq LIMIT 1""").setParameter("c", congressId).setParameter("b", s.ballotId()).getResultList();
                long breaksAt = at.isEmpty() ? entries + 1 : Math.min(at.get(0).longValue(), entries + 1);
                missing.add(new Unreached(s.ballotId(), s.head(), breaksAt));
            }
        }
        return missing;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return value == null ? null : ((java.sql.Timestamp) value).toInstant();
    }
}
