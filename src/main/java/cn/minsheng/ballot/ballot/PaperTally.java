package cn.minsheng.ballot.ballot;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import com.fasterxml.jackson.core.type.TypeReference;

import cn.minsheng.ballot.tally.Choice;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One entry by the scrutineers: the paper ballots issued, and for ballots counted as totals how
 * many came back, how many were invalid and the counts per item (JSON). Paper ballots entered one
 * by one are board entries instead, and here add only to {@code issued}.
 */
@Entity
public class PaperTally extends PanacheEntityBase {

    /** how {@link #counts} is read: item id to counts per choice */
    public static final TypeReference<Map<String, Map<Choice, Integer>>> COUNTS = new TypeReference<>() {
    };

    @Id
    @GeneratedValue
    public UUID id;
    public UUID ballotId;
    public int issued;
    public int returned;
    public int invalid;
    public String counts;
    public UUID enteredBy;
    public Instant enteredAt;
}
