package cn.minsheng.ballot.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.minsheng.ballot.common.Caller;
import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.common.Page;
import cn.minsheng.ballot.common.PageRequest;
import cn.minsheng.ballot.common.Tenants;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AuditService {

    public record EntryView(long seq, Instant at, @Schema(nullable = true) String actor, String action, @Schema(nullable = true) String subjectType, @Schema(nullable = true) String subjectId,
            @Schema(nullable = true) String details, @Schema(nullable = true) String prevHash, String hash) {
        static EntryView of(AuditEntry e) {
            return new EntryView(e.seq, e.at, e.actor, e.action, e.subjectType, e.subjectId, e.details, e.prevHash, e.hash);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(requiredProperties = { "valid", "entries" })
    public record Verification(boolean valid, long entries, String head, Long firstBrokenAt,
            List<PublishedHeads.Unreached> unreachedHeads) {
    }

    /** The whole chain, for the offline verifier. */
    @Schema(name = "AuditExport")
    public record Export(String chainId, List<EntryView> entries) {
    }

    private static final int BATCH = 1000;

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Inject
    PublishedHeads publishedHeads;

    @Inject
    Tenants tenants;

    public Page<EntryView> list(UUID pathCongressId, PageRequest page) {
        UUID chain = existing(pathCongressId);
        return Page.of(AuditEntry.find("chainId", Sort.by("seq"), chain), page, EntryView::of);
    }

    public Export export(UUID pathCongressId) {
        UUID chain = existing(pathCongressId);
        return new Export(chain.toString(),
                AuditEntry.<AuditEntry>find("chainId", Sort.by("seq"), chain).list().stream().map(EntryView::of).toList());
    }

    /**
     * Walks the chain from the start: each entry's hash must match its content, its prevHash the
     * entry before, and the numbering must have no gap; the stored head must be the last hash.
     */
    public Verification verify(UUID pathCongressId) {
        UUID chain = existing(pathCongressId);
        String prev = AuditLog.GENESIS;
        long expectedSeq = 1;
        long count = 0;
        Long broken = null;
        java.util.Map<String, Long> reached = new java.util.HashMap<>();
        while (broken == null) {
            var batch = AuditEntry.<AuditEntry>find("chainId = ?1 and seq >= ?2", Sort.by("seq"), chain, expectedSeq)
                    .page(0, BATCH).list();
            for (AuditEntry e : batch) {
                if (e.seq != expectedSeq || !e.prevHash.equals(prev) || !e.recomputeHash().equals(e.hash)) {
                    broken = expectedSeq;
                    break;
                }
                prev = e.hash;
                reached.put(e.hash, e.seq);
                expectedSeq++;
                count++;
                em.detach(e);
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        if (broken == null) {
            Object[] head = headOf(chain);
            if (head != null && (((Number) head[0]).longValue() != count || !prev.equals(head[1]))) {
                broken = count + 1; // entries after the last one found are missing
            }
        }
        // every head stamped on a published result (and printed on its notice) must be in the chain:
        // a chain cut behind one, or rewritten before one with every later hash recomputed, does not reach it
        List<PublishedHeads.Unreached> unreached = publishedHeads.unreached(chain, reached, count);
        for (PublishedHeads.Unreached u : unreached) {
            broken = broken == null ? u.breaksAt() : Math.min(broken, u.breaksAt());
        }
        return new Verification(broken == null, count, prev, broken, unreached);
    }

    private Object[] headOf(UUID chain) {
        var rows = em.createNativeQuery("SELECT last_seq, head_hash FROM audit_chain WHERE chain_id = :c")
                .setParameter("c", chain).getResultList();
        return rows.isEmpty() ? null : (Object[]) rows.get(0);
    }

    private UUID existing(UUID pathCongressId) {
        UUID id = caller.congress(pathCongressId);
        if (!tenants.exists(id)) {
            throw ApiException.notFound("congress");
        }
        return id;
    }
}
