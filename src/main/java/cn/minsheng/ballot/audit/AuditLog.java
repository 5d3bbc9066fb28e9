package cn.minsheng.ballot.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import cn.minsheng.ballot.board.ChainHash;
import cn.minsheng.ballot.common.Caller;

/**
 * Appends to the hash-chained audit log, in the caller's transaction. Each congress has its own
 * chain (the nil uuid is the platform's); the chain's head row is locked for the append, so entries
 * of one chain are numbered without gaps and each hash covers the one before.
 */
@ApplicationScoped
public class AuditLog {

    public static final UUID PLATFORM_CHAIN = new UUID(0, 0);
    public static final String GENESIS = ChainHash.GENESIS;
    static final String SYSTEM = "system";

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    /** An entry by whoever is calling (the token's name, or "anonymous"). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(UUID congressId, String action, String subjectType, Object subjectId, Map<String, ?> details) {
        append(congressId, caller.name(), action, subjectType, subjectId, details);
    }

    /** An entry by the service itself (start-up, scheduled jobs, reactions to events). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAsSystem(UUID congressId, String action, String subjectType, Object subjectId, Map<String, ?> details) {
        append(congressId, SYSTEM, action, subjectType, subjectId, details);
    }

    private void append(UUID congressId, String actor, String action, String subjectType, Object subjectId,
            Map<String, ?> details) {
        UUID chain = congressId == null ? PLATFORM_CHAIN : congressId;
        em.createNativeQuery("INSERT INTO audit_chain (chain_id, last_seq, head_hash) VALUES (:c, 0, :g) ON CONFLICT DO NOTHING")
                .setParameter("c", chain).setParameter("g", GENESIS).executeUpdate();
        Object[] head = (Object[]) em.createNativeQuery(
                "SELECT last_seq, head_hash FROM audit_chain WHERE chain_id = :c FOR UPDATE")
                .setParameter("c", chain).getSingleResult();
        long seq = ((Number) head[0]).longValue() + 1;
        String prev = (String) head[1];
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String detailJson = canonical(details);
        String hash = ChainHash.of(prev, chain, seq, at, actor, action, subjectType, String.valueOf(subjectId), detailJson);
        em.createNativeQuery("""
                INSERT INTO audit_entry (chain_id, seq, at, actor, action, subject_type, subject_id, details, prev_hash, hash)
                VALUES (:c, :seq, :at, :actor, :action, :st, :sid, :details, :prev, :hash)""")
                .setParameter("c", chain).setParameter("seq", seq).setParameter("at", at)
                .setParameter("actor", actor).setParameter("action", action).setParameter("st", subjectType)
                .setParameter("sid", String.valueOf(subjectId)).setParameter("details", detailJson)
                .setParameter("prev", prev).setParameter("hash", hash).executeUpdate();
        em.createNativeQuery("UPDATE audit_chain SET last_seq = :seq, head_hash = :hash WHERE chain_id = :c")
                .setParameter("seq", seq).setParameter("hash", hash).setParameter("c", chain).executeUpdate();
    }

    static String canonical(Map<String, ?> details) {
        try {
            return CANONICAL.writeValueAsString(details == null ? Map.of() : details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be plain data", e);
        }
    }
}
