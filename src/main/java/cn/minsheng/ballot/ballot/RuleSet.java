package cn.minsheng.ballot.ballot;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.minsheng.ballot.tally.BallotKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A rule set (票决办法): named ballot rules and their wording; final once a MOTION ballot's passed result adopts it. */
@Entity
@Table(name = "rule_set")
public class RuleSet extends PanacheEntityBase {

    // the contract's name for this enum
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "RuleSetStatus")
    public enum Status {
        DRAFT, ADOPTED
    }

    @Id
    @GeneratedValue
    public UUID id;
    public UUID congressId;
    public String name;
    @Enumerated(EnumType.STRING)
    public BallotKind kind;
    /** RuleFields as JSON */
    public String rules;
    public String text;
    @Enumerated(EnumType.STRING)
    public Status status;
    public UUID adoptedByBallotId;
    public Instant adoptedAt;
    public Instant createdAt;
    public Instant updatedAt;
}
