package cn.minsheng.ballot.session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.minsheng.ballot.tally.Fraction;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A meeting of a congress (e.g. 第十八届县人大第三次会议) at which ballots are held. */
@Entity
@Table(name = "session")
public class Session extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;
    public UUID congressId;
    public String name;
    @Enumerated(EnumType.STRING)
    public SessionKind kind;
    public LocalDate startsOn;
    public LocalDate endsOn;
    public int quorumNumerator;
    public int quorumDenominator;
    public boolean quorumInclusive;
    @Enumerated(EnumType.STRING)
    public SessionStatus status;
    public Instant openedAt;
    public Instant closedAt;
    public Instant createdAt;

    public Fraction quorum() {
        return new Fraction(quorumNumerator, quorumDenominator);
    }
}
