package cn.minsheng.ballot.congress;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A deputy (人大代表) on a congress's roster; {@code code} is the roster's 编号. */
@Entity
public class Deputy extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;
    public UUID congressId;
    public String code;
    public String name;
    public String delegation;
    public String district;
    @Enumerated(EnumType.STRING)
    public DeputyStatus status;
    public Instant createdAt;
    public Instant updatedAt;
}
