package cn.minsheng.ballot.seal;

import java.security.SecureRandom;
import java.util.Map;

/**
 * What a dishonest (or broken) tablet sends when it seals marks the ballot's rules forbid: the true
 * marks encrypted, with range proofs that claim the nearest allowed value and so fail. For the sealed
 * path of the counting-rule tests: the clear path's 400 TOO_MANY_MARKS / TOO_FEW_MARKS becomes the
 * box's 422 SEALED_BALLOT_INVALID.
 */
public final class TabletCheats {

    private TabletCheats() {
    }

    /** marks maps an item of the layout to one of its choices; anything outside the layout throws */
    public static SealedBallot sealUnchecked(Context ctx, String castId, Map<String, String> marks, SecureRandom random) {
        Layout layout = ctx.layout();
        int[][] values = new int[layout.items().size()][layout.choices().size()];
        for (Map.Entry<String, String> m : marks.entrySet()) {
            int i = layout.items().indexOf(m.getKey());
            int j = layout.choices().indexOf(m.getValue());
            if (i < 0 || j < 0) {
                throw new IllegalArgumentException("no such item or choice: " + m);
            }
            values[i][j] = 1;
        }
        return SealedBallot.sealValues(ctx, castId, values, random);
    }
}
