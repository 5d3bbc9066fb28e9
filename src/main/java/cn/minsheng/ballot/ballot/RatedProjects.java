package cn.minsheng.ballot.ballot;

import java.util.Optional;
import java.util.UUID;

/**
 * The projects an EVALUATION ballot may rate (last year's, usually). Projects stand above ballots,
 * so the project package answers this and the ballot package never reads the project table.
 */
public interface RatedProjects {

    /** The title of the congress's project with this id, if there is one. */
    Optional<String> title(UUID congressId, UUID projectId);
}
