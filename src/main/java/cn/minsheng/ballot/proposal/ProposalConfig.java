package cn.minsheng.ballot.proposal;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;

/** The proposal capability's settings (minsheng.proposal.*). */
@ConfigMapping(prefix = "minsheng.proposal")
public interface ProposalConfig {

    /** The category codes a proposal may carry, in the order they are listed. */
    List<String> categories();

    /** Anonymous proposals accepted per client address and period. */
    long anonymousLimit();

    Duration anonymousPeriod();
}
