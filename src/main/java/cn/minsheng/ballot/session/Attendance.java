package cn.minsheng.ballot.session;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@IdClass(Attendance.Key.class)
public class Attendance extends PanacheEntityBase {

    public enum Method {
        TABLET, PAPER
    }

    @Id
    public UUID sessionId;
    @Id
    public UUID deputyId;
    @Enumerated(EnumType.STRING)
    public AttendanceState state;
    @Enumerated(EnumType.STRING)
    public Method method;
    public Instant updatedAt;

    public static class Key implements Serializable {
        public UUID sessionId;
        public UUID deputyId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.sessionId, sessionId) && Objects.equals(k.deputyId, deputyId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sessionId, deputyId);
        }
    }
}
