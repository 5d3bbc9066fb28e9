package cn.minsheng.ballot.audit;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import cn.minsheng.ballot.board.ChainHash;

/** One entry of a congress's audit chain; written only by {@link AuditLog}, read here. */
@Entity
@IdClass(AuditEntry.Key.class)
public class AuditEntry extends PanacheEntityBase {

    @Id
    public UUID chainId;
    @Id
    public long seq;
    public Instant at;
    public String actor;
    public String action;
    public String subjectType;
    public String subjectId;
    public String details;
    public String prevHash;
    public String hash;

    public static class Key implements Serializable {
        public UUID chainId;
        public long seq;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.seq == seq && Objects.equals(k.chainId, chainId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(chainId, seq);
        }
    }

    String recomputeHash() {
        return ChainHash.of(prevHash, chainId, seq, at, actor, action, subjectType, subjectId, details);
    }
}
