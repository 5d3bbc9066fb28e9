package cn.minsheng.ballot.tally;

import java.util.List;

/** A count that cannot settle every seat by itself names what must happen next, and among which items. */
public record FollowUp(Kind kind, List<String> items, int seats) {

    public enum Kind {
        /** new ballot among tied items (TiePolicy.RUNOFF) */
        RUNOFF,
        /** the chair decides among tied items (TiePolicy.CHAIR_DECISION) */
        CHAIR_DECISION,
        /** new ballot among the remaining candidates (ShortfallPolicy.SUPPLEMENTARY) */
        SUPPLEMENTARY
    }

    public FollowUp {
        items = List.copyOf(items);
    }
}
