package cn.minsheng.ballot.board;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/** The tracker a deputy keeps, as the board publishes it and the offline verifier recomputes it. */
public final class Tracker {

    private Tracker() {
    }

    /** SHA-256 (lowercase hex) over the ballot, its canonical marks and the nonce, one a line. */
    public static String of(String ballotId, String canonicalMarks, String nonce) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((ballotId + "\n" + canonicalMarks + "\n" + nonce).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
