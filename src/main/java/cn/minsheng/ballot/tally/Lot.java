package cn.minsheng.ballot.tally;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * A tie drawn by lot, reproducible by anyone from the published seed: the tied items are ordered
 * by SHA-256 of {@code "<seed>:<itemId>"} (lowercase hex, ascending) and the first ones win.
 */
public record Lot(long seed, List<String> drawOrder, List<String> winners) {

    public Lot {
        drawOrder = List.copyOf(drawOrder);
        winners = List.copyOf(winners);
    }

    static Lot draw(long seed, List<String> tied, int seats) {
        List<String> order = tied.stream().sorted(Comparator.comparing((String id) -> ticket(seed, id)).thenComparing(id -> id))
                .toList();
        return new Lot(seed, order, order.subList(0, seats));
    }

    public static String ticket(long seed, String itemId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((seed + ":" + itemId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
