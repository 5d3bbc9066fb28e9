package cn.minsheng.ballot.proposal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
public class Proposal extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;
    public UUID congressId;
    public UUID solicitationId;
    public String title;
    public String summary;
    public String category;
    public String location;
    /** 万元 */
    public BigDecimal estimatedBudget;
    @Enumerated(EnumType.STRING)
    public ProposalSource source;
    public UUID proposerAccountId;
    public String contactName;
    public String contactPhone;
    public int supporters;
    @Enumerated(EnumType.STRING)
    public ProposalStatus status;
    public UUID mergedInto;
    public UUID resubmittedFrom;
    @Enumerated(EnumType.STRING)
    public RejectionReason rejectionReason;
    public String rejectionNote;
    public Instant screenedAt;
    public Instant submittedAt;
}
