package cn.minsheng.ballot.ballot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import cn.minsheng.ballot.tally.BallotKind;
import cn.minsheng.ballot.tally.Fraction;
import cn.minsheng.ballot.tally.Method;
import cn.minsheng.ballot.tally.Rules;
import cn.minsheng.ballot.tally.ShortfallPolicy;
import cn.minsheng.ballot.tally.Threshold;
import cn.minsheng.ballot.tally.ThresholdBase;
import cn.minsheng.ballot.tally.TiePolicy;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One vote (表决) with its rules, fixed when it opens. */
@Entity
public class Ballot extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public UUID id;
    public UUID congressId;
    public UUID sessionId;
    public UUID slateId;
    public UUID parentBallotId;
    public String title;
    @Enumerated(EnumType.STRING)
    public BallotKind kind;
    @Enumerated(EnumType.STRING)
    public Method method;
    @Enumerated(EnumType.STRING)
    public Secrecy secrecy;
    public int seats;
    public Integer maxMarks;
    /** the fewest FOR marks of a valid ballot (0: none needed) */
    public int minMarks;
    public int thresholdNumerator;
    public int thresholdDenominator;
    @Enumerated(EnumType.STRING)
    public ThresholdBase thresholdBase;
    public boolean thresholdInclusive;
    @Enumerated(EnumType.STRING)
    public TiePolicy tiePolicy;
    @Enumerated(EnumType.STRING)
    public ShortfallPolicy shortfallPolicy;
    public int minSurplus;
    public boolean electronic;
    public boolean paper;
    /** paper-like behaviour on tablets: an over-marked ballot is taken and counted as invalid (废票) */
    public boolean acceptOvermarked;
    /** EVALUATION tiers (TierText), null for the 镇海区 rule over the threshold */
    public String evaluationTiers;
    @Enumerated(EnumType.STRING)
    public cn.minsheng.ballot.tally.FollowUpRules.Candidates followUpCandidates = cn.minsheng.ballot.tally.FollowUpRules.Candidates.ALL_REMAINING;
    /** BEST_PLACED: the surplus ratio, e.g. "1/5" */
    public String followUpSurplus;
    /** the follow-up ballots' threshold (TierText form), null for this ballot's */
    public String followUpThreshold;
    /** the adopted rule set (票决办法) the rules were copied from */
    public UUID ruleSetId;
    /** MOTION: the rule set adopted when this motion passes and its result is published */
    public UUID adoptsRuleSetId;
    /** SECRET ballots of a session with a finished key ceremony: sealed under that ceremony's key (fixed at opening) */
    public UUID ceremonyId;
    @Enumerated(EnumType.STRING)
    public BallotStatus status;
    public Instant openedAt;
    public Instant closedAt;
    public Instant createdAt;

    public Rules rules() {
        return new Rules(kind, method, seats, maxMarks,
                new Threshold(new Fraction(thresholdNumerator, thresholdDenominator), thresholdBase, thresholdInclusive),
                tiePolicy, shortfallPolicy, TierText.read(evaluationTiers), followUpRules(), minMarks);
    }

    public cn.minsheng.ballot.tally.FollowUpRules followUpRules() {
        return new cn.minsheng.ballot.tally.FollowUpRules(followUpCandidates,
                followUpSurplus == null ? null : cn.minsheng.ballot.session.FractionText.parse("followUp.surplus", followUpSurplus),
                followUpThreshold == null ? null : TierText.parse(followUpThreshold));
    }

    public boolean sealed() {
        return ceremonyId != null;
    }

    public List<Channel> channels() {
        List<Channel> channels = new ArrayList<>();
        if (electronic) {
            channels.add(Channel.ELECTRONIC);
        }
        if (paper) {
            channels.add(Channel.PAPER);
        }
        return channels;
    }
}
