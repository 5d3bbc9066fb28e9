package cn.minsheng.ballot.project;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A photo or PDF attached to progress or an inspection, kept in PostgreSQL. */
@Entity
public class Evidence extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;
    public UUID projectId;
    public String contentType;
    public int size;
    public String filename;
    @Basic(fetch = FetchType.LAZY)
    public byte[] data;
    public UUID uploadedBy;
    public Instant uploadedAt;
}
