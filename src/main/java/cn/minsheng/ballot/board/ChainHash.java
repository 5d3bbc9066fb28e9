package cn.minsheng.ballot.board;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The hash of one audit entry: SHA-256 (lowercase hex) over its fields, one a line, in this order:
 * previous hash, chain id, sequence number, time (ISO-8601, microseconds), actor, action, subject
 * type, subject id, details (canonical JSON, keys sorted). Plain Java, shared by the service and
 * the offline verifier.
 */
public final class ChainHash {

    public static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    public static String of(String prev, UUID chain, long seq, Instant at, String actor, String action, String subjectType,
            String subjectId, String details) {
        String canonical = String.join("\n", prev, chain.toString(), Long.toString(seq), at.toString(), actor, action,
                subjectType, subjectId, details);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
