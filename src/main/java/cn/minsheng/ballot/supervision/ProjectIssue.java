package cn.minsheng.ballot.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An entry of the issue list (问题清单): raised by the group, answered by the department, closed off (销号) by the group. */
@Entity
public class ProjectIssue extends PanacheEntityBase {

    // the contract's name for this enum, fixed so that it does not depend on the order classes are scanned in
    @Schema(name = "IssueStatus", description = "Where a supervision issue stands")
    public enum Status {
        OPEN, ANSWERED, CLOSED
    }

    @Id
    @GeneratedValue
    public UUID id;
    public UUID projectId;
    public String title;
    public String description;
    @Enumerated(EnumType.STRING)
    public Status status;
    public UUID raisedBy;
    public Instant raisedAt;
    public LocalDate answerDue;
    public String answer;
    public Instant answeredAt;
    public Instant closedAt;
    public String closingNote;
    public int reopened;
}
