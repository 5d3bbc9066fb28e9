package cn.minsheng.ballot.common;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Tells every replica's live streams that a ballot or a session changed. PostgreSQL delivers the
 * notification when the surrounding transaction commits, and not at all if it rolls back; call
 * these inside the transaction that makes the change.
 */
@ApplicationScoped
public class LiveChanges {

    public static final String CHANNEL = "turnout";

    @Inject
    EntityManager em;

    public void ballot(UUID ballotId) {
        notify("ballot:" + ballotId);
    }

    public void session(UUID sessionId) {
        notify("session:" + sessionId);
    }

    private void notify(String payload) {
        em.createNativeQuery("SELECT pg_notify('" + CHANNEL + "', :p)").setParameter("p", payload).getSingleResult();
    }
}
