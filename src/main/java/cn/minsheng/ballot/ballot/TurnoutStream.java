package cn.minsheng.ballot.ballot;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.minsheng.ballot.live.Source;

/** The turnout stream's source (served by live.TurnoutStreamResource): a ballot of the caller's congress, or 404. */
@ApplicationScoped
public class TurnoutStream implements Source {

    @Inject
    BallotService ballots;

    @Inject
    TurnoutService turnout;

    @Override
    public String kind() {
        return "turnout";
    }

    @Override
    public Opened open(UUID ballotId) {
        Ballot b = ballots.find(ballotId);
        return new Opened(CastProbe.BALLOT + b.id, turnout.feed(b));
    }
}
