package cn.minsheng.ballot.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 视察: a visit by the supervision group, with its findings and photos. */
@Entity
public class Inspection extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;
    public UUID projectId;
    public LocalDate inspectedOn;
    /** JSON array of deputy ids */
    public String participants;
    public String findings;
    /** JSON array of evidence ids */
    public String evidenceIds;
    public UUID recordedBy;
    public Instant createdAt;
}
