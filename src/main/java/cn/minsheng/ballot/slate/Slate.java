package cn.minsheng.ballot.slate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The candidate projects put to a ballot (候选项目名单), with the seats and minimum surplus (差额). */
@Entity
public class Slate extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;
    public UUID congressId;
    public int year;
    public String title;
    public int seats;
    public int minSurplus;
    @Enumerated(EnumType.STRING)
    public SlateStatus status;
    public String reviewBody;
    public LocalDate reviewDate;
    public String reviewReference;
    public String reviewNote;
    public Instant createdAt;
    public Instant updatedAt;
}
