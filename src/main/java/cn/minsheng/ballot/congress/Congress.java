package cn.minsheng.ballot.congress;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A people's congress: the tenant every other record belongs to. */
@Entity
public class Congress extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public CongressLevel level;
    public Instant createdAt;

    public static Optional<Congress> findByCode(String code) {
        return find("lower(code) = lower(?1)", code).firstResultOptional();
    }
}
