package cn.minsheng.ballot.ballot;

import java.util.EnumMap;
import java.util.Map;

/**
 * The ballot's states and its result's, as one explicit state machine (pure: no Quarkus, no database).
 * A ballot goes DRAFT → OPEN → CLOSING → CLOSED; CLOSING exists only inside the closing transaction. Closing
 * starts its result: AWAITING_DECRYPTION for a sealed ballot until k scrutineers decrypt the totals, then
 * COUNTED, countersigned and perhaps decided by the chair, then PUBLISHED, which is final. The result's
 * stages carry the names stored in ballot_result.status (the result package maps them by name).
 * Every move not listed is refused with a stable code and its arguments.
 */
public final class BallotLifecycle {

    private BallotLifecycle() {
    }

    /** What is asked of the ballot. */
    public enum BallotEvent {
        /** change the rules or items */
        EDIT,
        OPEN,
        /** a cast, on the tablet or on paper */
        CAST,
        /** begin closing (the closing transaction) */
        CLOSE,
        /** closing done: the result is recorded, or waits for decryption */
        CLOSED
    }

    /** The result of a closed ballot. */
    public enum ResultStage {
        AWAITING_DECRYPTION, COUNTED, PUBLISHED
    }

    /** What is asked of the result. */
    public enum ResultEvent {
        /** a sealed ballot's totals decrypted */
        DECRYPT, COUNTERSIGN, CHAIR_DECISION, PUBLISH
    }

    /** A move the machine does not allow: a stable code and its arguments. */
    public static final class Refused extends RuntimeException {
        private final String code;
        private final transient Object[] args;

        Refused(String code, Object... args) {
            super(code, null, false, false);
            this.code = code;
            this.args = args;
        }

        public String code() {
            return code;
        }

        public Object[] args() {
            return args.clone();
        }
    }

    private static final Map<BallotStatus, Map<BallotEvent, BallotStatus>> BALLOT = new EnumMap<>(BallotStatus.class);
    private static final Map<ResultStage, Map<ResultEvent, ResultStage>> RESULT = new EnumMap<>(ResultStage.class);

    static {
        ballot(BallotStatus.DRAFT, BallotEvent.EDIT, BallotStatus.DRAFT);
        ballot(BallotStatus.DRAFT, BallotEvent.OPEN, BallotStatus.OPEN);
        ballot(BallotStatus.OPEN, BallotEvent.CAST, BallotStatus.OPEN);
        ballot(BallotStatus.OPEN, BallotEvent.CLOSE, BallotStatus.CLOSING);
        ballot(BallotStatus.CLOSING, BallotEvent.CLOSED, BallotStatus.CLOSED);
        result(ResultStage.AWAITING_DECRYPTION, ResultEvent.DECRYPT, ResultStage.COUNTED);
        result(ResultStage.COUNTED, ResultEvent.COUNTERSIGN, ResultStage.COUNTED);
        result(ResultStage.COUNTED, ResultEvent.CHAIR_DECISION, ResultStage.COUNTED);
        result(ResultStage.COUNTED, ResultEvent.PUBLISH, ResultStage.PUBLISHED);
    }

    private static void ballot(BallotStatus from, BallotEvent event, BallotStatus to) {
        BALLOT.computeIfAbsent(from, f -> new EnumMap<>(BallotEvent.class)).put(event, to);
    }

    private static void result(ResultStage from, ResultEvent event, ResultStage to) {
        RESULT.computeIfAbsent(from, f -> new EnumMap<>(ResultEvent.class)).put(event, to);
    }

    /** The ballot's state after the event, or the refusal. */
    public static BallotStatus next(BallotStatus from, BallotEvent event) {
        BallotStatus to = BALLOT.getOrDefault(from, Map.of()).get(event);
        if (to != null) {
            return to;
        }
        throw switch (event) {
            case EDIT -> new Refused("RULES_FROZEN", from);
            case OPEN -> new Refused("BALLOT_NOT_DRAFT", from);
            case CAST, CLOSE -> new Refused(from == BallotStatus.DRAFT ? "BALLOT_NOT_OPEN" : "BALLOT_CLOSED");
            case CLOSED -> new Refused("BALLOT_NOT_CLOSING", from);
        };
    }

    /** The stage a closed ballot's result starts in. */
    public static ResultStage firstStage(boolean sealed) {
        return sealed ? ResultStage.AWAITING_DECRYPTION : ResultStage.COUNTED;
    }

    /** The result's stage after the event, or the refusal. */
    public static ResultStage next(ResultStage from, ResultEvent event) {
        ResultStage to = RESULT.getOrDefault(from, Map.of()).get(event);
        if (to != null) {
            return to;
        }
        if (event == ResultEvent.DECRYPT) {
            throw new Refused("SEALED_ALREADY_COUNTED");
        }
        throw new Refused(from == ResultStage.PUBLISHED ? "RESULT_FINAL" : "SEALED_NOT_DECRYPTED");
    }
}
