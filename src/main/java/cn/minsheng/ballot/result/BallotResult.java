package cn.minsheng.ballot.result;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The count of a closed ballot; final (by trigger) once PUBLISHED. */
@Entity
public class BallotResult extends PanacheEntityBase {

    // the contract's name for this enum, fixed so that it does not depend on the order classes are scanned in
    @Schema(name = "ResultStatus", description = "Whether a closed ballot's count is still with the scrutineers or published")
    public enum Status {
        COUNTED, PUBLISHED,
        /** a sealed ballot, closed: waiting for k scrutineers to decrypt its totals (never stored) */
        AWAITING_DECRYPTION
    }

    @Id
    public UUID ballotId;

    /** the stored status as a stage of {@link cn.minsheng.ballot.ballot.BallotLifecycle} (the same names) */
    cn.minsheng.ballot.ballot.BallotLifecycle.ResultStage stage() {
        return cn.minsheng.ballot.ballot.BallotLifecycle.ResultStage.valueOf(status.name());
    }

    void stage(cn.minsheng.ballot.ballot.BallotLifecycle.ResultStage stage) {
        status = Status.valueOf(stage.name());
    }
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;
    /** ResultFigures as JSON */
    public String figures;
    public long lotSeed;
    public String auditHead;
    public Instant countedAt;
    public Instant publishedAt;
    public String chairReason;
}
