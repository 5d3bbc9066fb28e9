package cn.minsheng.ballot.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A livelihood project (民生实事项目) the deputies selected, followed until it is rated and closed. */
@Entity
public class Project extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;
    public UUID congressId;
    public UUID candidateId;
    public UUID ballotId;
    /** set on sub-items (子项目) */
    public UUID parentId;
    public UUID carriedFrom;
    public int year;
    public String title;
    public String category;
    public String department;
    public String leadOfficial;
    /** 万元 */
    public BigDecimal budgetPlanned;
    public BigDecimal budgetSpent;
    public String targets;
    public LocalDate startsOn;
    public LocalDate endsOn;
    public int plannedYears;
    /** which year of a cross-year project this is (1 = first) */
    public int stageYear;
    /** JSON array, one target per planned year */
    public String stageTargets;
    /** share of the parent when this is a sub-item */
    public int weight;
    @Enumerated(EnumType.STRING)
    public ProjectStatus status;
    @Enumerated(EnumType.STRING)
    public Light light;
    public BigDecimal progress;
    public Instant createdAt;
    public Instant updatedAt;
}
