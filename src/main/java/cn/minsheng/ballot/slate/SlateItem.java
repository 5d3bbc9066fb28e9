package cn.minsheng.ballot.slate;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@IdClass(SlateItem.Key.class)
public class SlateItem extends PanacheEntityBase {

    @Id
    public UUID slateId;
    @Id
    public UUID candidateId;
    public int position;

    public static class Key implements Serializable {
        public UUID slateId;
        public UUID candidateId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.slateId, slateId) && Objects.equals(k.candidateId, candidateId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(slateId, candidateId);
        }
    }
}
