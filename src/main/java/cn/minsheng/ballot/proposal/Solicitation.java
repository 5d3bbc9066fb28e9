package cn.minsheng.ballot.proposal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A window (征集) during which proposals for the projects of {@code year} are accepted. */
@Entity
public class Solicitation extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;
    public UUID congressId;
    /** the year whose projects are being solicited */
    public int year;
    public String title;
    public String notice;
    public Instant opensAt;
    public Instant closesAt;
    public Instant createdAt;

    public boolean isOpenAt(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }
}
