package cn.minsheng.ballot.slate;

/**
 * DRAFT while the secretariat composes it; REVIEWED once the standing committee's review is
 * recorded; PUBLISHED for the public; FROZEN when a ballot opens on it (nothing changes after).
 */
public enum SlateStatus {
    DRAFT, REVIEWED, PUBLISHED, FROZEN
}
