package cn.minsheng.ballot.evaluation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.minsheng.ballot.project.EvaluationOutcomes;

/** Reads of the evaluation table, which this package owns (EvaluationRecorder writes it). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Evaluations implements EvaluationOutcomes {

    public record Recorded(UUID ballotId, String outcome, String satisfactionRate, Instant recordedAt) {
    }

    @Inject
    EntityManager em;

    @Override
    public Optional<String> latest(UUID projectId) {
        List<?> rows = em.createNativeQuery(
                "SELECT outcome FROM evaluation WHERE project_id = :p ORDER BY recorded_at DESC LIMIT 1")
                .setParameter("p", projectId).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
    }

    /** Every evaluation of the project, oldest first. */
    public List<Recorded> of(UUID projectId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT ballot_id, outcome, satisfaction_rate, recorded_at FROM evaluation WHERE project_id = :p ORDER BY recorded_at")
                .setParameter("p", projectId).getResultList();
        return rows.stream().map(r -> new Recorded((UUID) r[0], (String) r[1], (String) r[2],
                r[3] instanceof Instant i ? i : ((OffsetDateTime) r[3]).toInstant())).toList();
    }
}
