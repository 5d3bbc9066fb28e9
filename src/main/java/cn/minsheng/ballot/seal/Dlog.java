package cn.minsheng.ballot.seal;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

import org.bouncycastle.math.ec.ECPoint;

/** Baby-step giant-step for m·G with m in [0, bound]: a table of j·G for j below ⌈√(bound+1)⌉, then giant steps. */
final class Dlog {

    private final int bound;
    private final int step;
    private final Map<ByteBuffer, Integer> baby = new HashMap<>();
    private final ECPoint giant;

    Dlog(int bound) {
        this.bound = bound;
        this.step = (int) Math.ceil(Math.sqrt(bound + 1.0));
        ECPoint p = Group.INFINITY;
        for (int j = 0; j < step; j++) {
            baby.put(ByteBuffer.wrap(Group.encodePoint(p)), j);
            p = Group.add(p, Group.G);
        }
        giant = Group.base(step);
    }

    int solve(ECPoint target) {
        ECPoint p = target;
        for (int i = 0; i * (long) step <= bound; i++) {
            Integer j = baby.get(ByteBuffer.wrap(Group.encodePoint(p)));
            if (j != null && i * step + j <= bound) {
                return i * step + j;
            }
            p = Group.sub(p, giant);
        }
        throw new SealException("the decrypted total is not between 0 and " + bound);
    }
}
