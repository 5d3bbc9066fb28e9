package cn.minsheng.ballot.proposal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A proposal the government accepted in screening: a candidate project (候选项目) for a slate. */
@Entity
public class Candidate extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;
    public UUID congressId;
    public UUID proposalId;
    public int year;
    public String title;
    public String summary;
    public String category;
    public String location;
    public String department;
    /** 万元 */
    public BigDecimal estimatedBudget;
    public int plannedYears;
    /** JSON array of stage targets, one per planned year */
    public String stageTargets;
    public Instant createdAt;
}
