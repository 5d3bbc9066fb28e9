package cn.minsheng.ballot.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
public class ProgressReport extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;
    public UUID projectId;
    public UUID milestoneId;
    public BigDecimal percent;
    public BigDecimal previous;
    public String note;
    public String reason;
    /** JSON array of evidence ids */
    public String evidenceIds;
    public UUID reportedBy;
    public Instant reportedAt;
}
