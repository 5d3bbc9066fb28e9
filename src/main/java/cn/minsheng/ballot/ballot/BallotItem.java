package cn.minsheng.ballot.ballot;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** An item on a ballot: a candidate project, a project to rate, or a motion; the label is kept as printed. */
@Entity
@IdClass(BallotItem.Key.class)
public class BallotItem extends PanacheEntityBase {

    @Id
    public UUID ballotId;
    @Id
    public UUID itemId;
    public int position;
    public String label;

    public static List<BallotItem> of(UUID ballotId) {
        return find("ballotId", Sort.by("position"), ballotId).list();
    }

    public static class Key implements Serializable {
        public UUID ballotId;
        public UUID itemId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.ballotId, ballotId) && Objects.equals(k.itemId, itemId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ballotId, itemId);
        }
    }
}
