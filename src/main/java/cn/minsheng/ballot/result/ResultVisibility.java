package cn.minsheng.ballot.result;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.minsheng.ballot.ballot.Ballot;
import cn.minsheng.ballot.ballot.BallotService;
import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.common.Caller;
import cn.minsheng.ballot.common.Role;

/**
 * Who may read a ballot's result, declared once for every read of ResultService: anyone, without a token,
 * once it is published; before that only the secretariat and the scrutineers of the ballot's congress
 * (401 without a token, 403 for another role, 404 for another congress's ballot, as if it did not exist).
 */
@ApplicationScoped
public class ResultVisibility {

    /** {@link #isPublic} as SQL over {@code ballot_result r}, for reads that list results */
    static final String PUBLIC = "r.status = 'PUBLISHED'";

    @Inject
    Caller caller;

    @Inject
    BallotService ballots;

    /** anyone may read a published result */
    static boolean isPublic(BallotResult r) {
        return r != null && r.status == BallotResult.Status.PUBLISHED;
    }

    /**
     * The ballot of a result that is not public, for a caller who may read it before publication; refuses
     * anyone else.
     */
    Ballot requireInsider(UUID ballotId) {
        if (Ballot.findByIdOptional(ballotId).isEmpty()) {
            throw ApiException.notFound("ballot");
        }
        if (!caller.isAuthenticated()) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        if (!caller.is(Role.SECRETARIAT) && !caller.is(Role.SCRUTINEER)) {
            throw ApiException.forbidden();
        }
        return ballots.find(ballotId);
    }
}
