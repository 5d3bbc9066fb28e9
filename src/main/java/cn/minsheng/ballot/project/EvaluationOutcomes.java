package cn.minsheng.ballot.project;

import java.util.Optional;
import java.util.UUID;

/**
 * The latest satisfaction outcome of a project. Evaluation stands above projects and owns its table,
 * so the evaluation package answers this.
 */
public interface EvaluationOutcomes {

    Optional<String> latest(UUID projectId);
}
