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

/** A recorded decision (standing committee or congress) on a major change, suspension or termination. */
@Entity
public class Decision extends PanacheEntityBase {

    @Schema(name = "DecisionKind", description = "What a standing committee decision does to a project")
    public enum Kind {
        CHANGE, SUSPEND, RESUME, TERMINATE
    }

    @Id
    @GeneratedValue
    public UUID id;
    public UUID projectId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String body;
    public LocalDate decidedOn;
    public String reference;
    public String summary;
    public Instant createdAt;
}
