package cn.minsheng.ballot.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
public class Milestone extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;
    public UUID projectId;
    public String title;
    public LocalDate dueOn;
    public int weight;
    public BigDecimal progress;
    public Instant createdAt;
}
