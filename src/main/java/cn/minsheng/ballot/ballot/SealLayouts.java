package cn.minsheng.ballot.ballot;

import java.util.List;

import cn.minsheng.ballot.seal.Ceremony;
import cn.minsheng.ballot.seal.Context;
import cn.minsheng.ballot.seal.Layout;
import cn.minsheng.ballot.tally.Rules;

/**
 * A sealed ballot's layout from its rules: the items (ids) in position order and the method's
 * choices in the tally's order; the FOR marks between minMarks and the count's limit (forMarkLimit,
 * none: every item). A sealed ballot that proves this range is valid by construction, so a sealed
 * ballot is never a 废票 and acceptOvermarked does not apply to it.
 */
public final class SealLayouts {

    private SealLayouts() {
    }

    public static Layout of(Ballot b) {
        List<String> items = BallotItem.of(b.id).stream().map(i -> i.itemId.toString()).toList();
        Rules rules = b.rules();
        int max = rules.forMarkLimit() == null ? items.size() : Math.min(rules.forMarkLimit(), items.size());
        return switch (rules.method()) {
            case APPROVAL -> Layout.approval(items, rules.minMarks(), max);
            case YES_NO_ABSTAIN -> new Layout("YES_NO_ABSTAIN", items, List.of(Layout.FOR, "AGAINST", "ABSTAIN"), rules.minMarks(), max);
            case RATING -> Layout.rating(items);
        };
    }

    public static Context context(Ceremony ceremony, Ballot b) {
        return new Context(ceremony, b.id.toString(), of(b));
    }
}
