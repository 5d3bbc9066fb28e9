package cn.minsheng.ballot.tally;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Counts one ballot. Deterministic: the same rules, roster, items, ballots (in any order) and lot
 * seed give the same result. Every comparison with a threshold is exact integer arithmetic.
 */
public final class Tally {

    private static final Choice[] CHOICES = Choice.values();

    private final Rules rules;
    private final List<String> items;
    private final Map<String, Integer> index = new HashMap<>();
    /** counts[item][choice.ordinal()] */
    private final int[][] counts;

    private Tally(Rules rules, List<String> items) {
        this.rules = rules;
        this.items = List.copyOf(items);
        for (int i = 0; i < items.size(); i++) {
            if (index.putIfAbsent(items.get(i), i) != null) {
                throw new IllegalArgumentException("item listed twice: " + items.get(i));
            }
        }
        this.counts = new int[items.size()][CHOICES.length];
    }

    public static TallyResult count(Rules rules, List<String> items, Roster roster, List<CastBallot> ballots) {
        return count(rules, items, roster, ballots, List.of(), 0L);
    }

    /**
     * @param batches paper ballots counted as totals
     * @param lotSeed the published seed used only when a tie is drawn by lot
     */
    public static TallyResult count(Rules rules, List<String> items, Roster roster, List<CastBallot> ballots,
            List<PaperBatch> batches, long lotSeed) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a ballot needs at least one item");
        }
        return new Tally(rules, items).run(roster, ballots, batches, lotSeed);
    }

    private TallyResult run(Roster roster, List<CastBallot> ballots, List<PaperBatch> batches, long lotSeed) {
        List<InvalidBallot> invalidBallots = new ArrayList<>();
        Map<InvalidReason, Integer> byReason = new EnumMap<>(InvalidReason.class);
        for (int b = 0; b < ballots.size(); b++) {
            Optional<InvalidReason> problem = checkAndCount(ballots.get(b));
            if (problem.isPresent()) {
                invalidBallots.add(new InvalidBallot(b, problem.get()));
                byReason.merge(problem.get(), 1, Integer::sum);
            }
        }
        int returned = ballots.size();
        int invalid = invalidBallots.size();
        int paperReturned = (int) ballots.stream().filter(CastBallot::paper).count();
        for (PaperBatch batch : batches) {
            add(batch);
            returned += batch.returned();
            paperReturned += batch.paper() ? batch.returned() : 0;
            invalid += batch.invalid();
        }
        int valid = returned - invalid;
        List<VoidReason> voidReasons = voidReasons(roster, returned, paperReturned);
        boolean voided = !voidReasons.isEmpty();
        Map<ThresholdBase, Long> bases = new EnumMap<>(ThresholdBase.class);
        bases.put(ThresholdBase.ALL_SEATED, (long) roster.seated());
        bases.put(ThresholdBase.PRESENT, (long) roster.present());
        bases.put(ThresholdBase.BALLOTS_CAST, (long) returned);
        bases.put(ThresholdBase.VALID_BALLOTS, (long) valid);
        long base = bases.get(rules.threshold().base());
        Decision decision = decide(valid, base, bases, voided, lotSeed);
        return new TallyResult(rules, roster, returned, valid, invalid, Math.max(0, roster.issued() - returned), byReason,
                invalidBallots, voided, voidReasons, paperReturned, base, decision.items, decision.selected, decision.shortfall,
                Optional.ofNullable(decision.followUp), Optional.ofNullable(decision.lot));
    }

    /**
     * The whole vote is void when more ballots come back than were issued, in total or from the
     * paper box alone, or when there are more ballots than voters; as many or fewer is valid.
     */
    static List<VoidReason> voidReasons(Roster roster, int returned, int paperReturned) {
        List<VoidReason> reasons = new ArrayList<>();
        if (returned > roster.issued()) {
            reasons.add(VoidReason.MORE_RETURNED_THAN_ISSUED);
        }
        if (paperReturned > roster.paperIssued()) {
            reasons.add(VoidReason.PAPER_MORE_RETURNED_THAN_ISSUED);
        }
        if (returned > roster.voters()) {
            reasons.add(VoidReason.MORE_BALLOTS_THAN_VOTERS);
        }
        return reasons;
    }

    /** Counts a valid ballot's marks; an invalid ballot counts nothing and says why. */
    private Optional<InvalidReason> checkAndCount(CastBallot ballot) {
        int[] marked = new int[ballot.marks().size()];
        Optional<InvalidReason> problem = validate(rules, index, ballot, marked);
        if (problem.isEmpty()) {
            for (int m = 0; m < marked.length; m++) {
                counts[marked[m]][ballot.marks().get(m).choice().ordinal()]++;
            }
        }
        return problem;
    }

    /** Why a ballot of these items would be invalid (废票), if it would; the service refuses such casts up front. */
    public static Optional<InvalidReason> check(Rules rules, List<String> items, CastBallot ballot) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            index.put(items.get(i), i);
        }
        return validate(rules, index, ballot, new int[ballot.marks().size()]);
    }

    /** The one place that decides validity; {@code marked} receives each mark's item index. */
    private static Optional<InvalidReason> validate(Rules rules, Map<String, Integer> index, CastBallot ballot, int[] marked) {
        boolean[] seen = new boolean[index.size()];
        int forMarks = 0;
        for (int m = 0; m < ballot.marks().size(); m++) {
            Mark mark = ballot.marks().get(m);
            Integer i = mark.itemId() == null ? null : index.get(mark.itemId());
            if (i == null) {
                return Optional.of(InvalidReason.UNKNOWN_ITEM);
            }
            if (seen[i]) {
                return Optional.of(InvalidReason.DUPLICATE_ITEM);
            }
            if (mark.choice() == null || !rules.method().allows(mark.choice())) {
                return Optional.of(InvalidReason.CHOICE_NOT_ALLOWED);
            }
            seen[i] = true;
            marked[m] = i;
            if (mark.choice() == Choice.FOR) {
                forMarks++;
            }
        }
        Integer limit = rules.forMarkLimit();
        if (limit != null && forMarks > limit) {
            return Optional.of(InvalidReason.TOO_MANY_MARKS);
        }
        if (forMarks < rules.minMarks()) {
            return Optional.of(InvalidReason.TOO_FEW_MARKS);
        }
        return Optional.empty();
    }

    private void add(PaperBatch batch) {
        batch.counts().forEach((itemId, byChoice) -> {
            Integer i = index.get(itemId);
            if (i == null) {
                throw new IllegalArgumentException("paper count for an unknown item: " + itemId);
            }
            int total = 0;
            for (Map.Entry<Choice, Integer> e : byChoice.entrySet()) {
                if (!rules.method().allows(e.getKey()) || e.getValue() < 0) {
                    throw new IllegalArgumentException("paper count " + e.getKey() + "=" + e.getValue() + " not allowed");
                }
                total += e.getValue();
            }
            if (total > batch.valid()) {
                throw new IllegalArgumentException("paper counts for " + itemId + " exceed the batch's valid ballots");
            }
            byChoice.forEach((choice, n) -> counts[i][choice.ordinal()] += n);
        });
    }

    private static final class Decision {
        List<ItemResult> items;
        List<String> selected = List.of();
        int shortfall;
        FollowUp followUp;
        Lot lot;
    }

    private Decision decide(int valid, long base, Map<ThresholdBase, Long> bases, boolean voided, long lotSeed) {
        int n = items.size();
        int[] score = new int[n];
        boolean[] passed = new boolean[n];
        Outcome[] outcome = new Outcome[n];
        for (int i = 0; i < n; i++) {
            int[] c = counts[i];
            if (rules.method() == Method.RATING) {
                int satisfied = c[Choice.SATISFIED.ordinal()];
                int atLeastBasic = satisfied + c[Choice.BASICALLY_SATISFIED.ordinal()];
                score[i] = atLeastBasic;
                Threshold top = rules.tiers().satisfied();
                Threshold basic = rules.tiers().basicallySatisfied();
                outcome[i] = top.passes(satisfied, bases.get(top.base())) ? Outcome.SATISFIED
                        : basic.passes(atLeastBasic, bases.get(basic.base())) ? Outcome.BASICALLY_SATISFIED : Outcome.UNSATISFIED;
                passed[i] = outcome[i] != Outcome.UNSATISFIED;
            } else {
                score[i] = c[Choice.FOR.ordinal()];
                passed[i] = rules.threshold().passes(score[i], base);
                if (rules.kind() == BallotKind.MOTION) {
                    outcome[i] = passed[i] ? Outcome.ADOPTED : Outcome.NOT_ADOPTED;
                }
            }
        }
        Decision d = new Decision();
        if (voided) {
            java.util.Arrays.fill(outcome, Outcome.VOID);
        } else if (rules.kind() == BallotKind.SELECTION) {
            select(score, passed, outcome, d, lotSeed);
        }
        int[] rank = competitionRanks(score);
        List<ItemResult> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int[] c = counts[i];
            int marked = 0;
            for (int x : c) {
                marked += x;
            }
            Fraction rate = rules.method() == Method.RATING && valid > 0 ? new Fraction(score[i], valid) : null;
            results.add(new ItemResult(items.get(i), c[Choice.FOR.ordinal()], c[Choice.AGAINST.ordinal()],
                    c[Choice.ABSTAIN.ordinal()], c[Choice.SATISFIED.ordinal()], c[Choice.BASICALLY_SATISFIED.ordinal()],
                    c[Choice.UNSATISFIED.ordinal()], valid - marked, passed[i], rank[i], outcome[i], rate));
        }
        d.items = results;
        return d;
    }

    /** Top {@code seats} of the passing items by FOR; a tie at the cutoff goes to the tie policy. */
    private void select(int[] score, boolean[] passed, Outcome[] outcome, Decision d, long lotSeed) {
        int seats = rules.seats();
        List<Integer> passing = new ArrayList<>();
        for (int i = 0; i < score.length; i++) {
            outcome[i] = passed[i] ? Outcome.NOT_SELECTED : Outcome.REJECTED;
            if (passed[i]) {
                passing.add(i);
            }
        }
        passing.sort(Comparator.comparingInt((Integer i) -> -score[i]).thenComparingInt(i -> i));
        List<Integer> selected = new ArrayList<>();
        if (passing.size() <= seats) {
            selected.addAll(passing);
            d.shortfall = seats - passing.size();
            List<Integer> remaining = new ArrayList<>();
            for (int i = 0; i < score.length; i++) {
                if (!passed[i]) {
                    remaining.add(i);
                }
            }
            if (d.shortfall > 0 && rules.shortfallPolicy() == ShortfallPolicy.SUPPLEMENTARY && !remaining.isEmpty()) {
                int open = Math.min(d.shortfall, remaining.size());
                d.followUp = new FollowUp(FollowUp.Kind.SUPPLEMENTARY, followUpCandidates(remaining, score, open).stream()
                        .map(items::get).toList(), open);
            }
        } else {
            int cutoff = score[passing.get(seats - 1)];
            List<Integer> tied = new ArrayList<>();
            for (int i : passing) {
                if (score[i] > cutoff) {
                    selected.add(i);
                } else if (score[i] == cutoff) {
                    tied.add(i);
                }
            }
            int remainingSeats = seats - selected.size();
            if (tied.size() == remainingSeats) {
                selected.addAll(tied);
            } else {
                List<String> tiedIds = tied.stream().map(items::get).toList();
                switch (rules.tiePolicy()) {
                    case RUNOFF, CHAIR_DECISION -> {
                        tied.forEach(i -> outcome[i] = Outcome.TIED);
                        d.followUp = new FollowUp(rules.tiePolicy() == TiePolicy.RUNOFF ? FollowUp.Kind.RUNOFF
                                : FollowUp.Kind.CHAIR_DECISION, tiedIds, remainingSeats);
                    }
                    case LOT -> {
                        d.lot = Lot.draw(lotSeed, tiedIds, remainingSeats);
                        d.lot.winners().forEach(id -> selected.add(index.get(id)));
                    }
                }
            }
        }
        selected.sort(Comparator.comparingInt((Integer i) -> -score[i]).thenComparingInt(i -> i));
        selected.forEach(i -> outcome[i] = Outcome.SELECTED);
        d.selected = selected.stream().map(items::get).toList();
    }

    /**
     * The candidates of a supplementary ballot: all remaining ones in ballot order, or (BEST_PLACED)
     * the best placed by first-round FOR, seats plus the surplus, with every candidate tied with the
     * last of them (none is left out by a tie), best first.
     */
    private List<Integer> followUpCandidates(List<Integer> remaining, int[] score, int seats) {
        FollowUpRules f = rules.followUp();
        if (f.candidates() == FollowUpRules.Candidates.ALL_REMAINING) {
            return remaining;
        }
        List<Integer> byScore = new ArrayList<>(remaining);
        byScore.sort(Comparator.comparingInt((Integer i) -> -score[i]).thenComparingInt(i -> i));
        int wanted = f.candidatesFor(seats);
        if (byScore.size() <= wanted) {
            return byScore;
        }
        int last = score[byScore.get(wanted - 1)];
        return byScore.stream().filter(i -> score[i] >= last).toList();
    }

    /** 1, 2, 2, 4: items with equal scores share a rank. */
    private static int[] competitionRanks(int[] score) {
        int[] rank = new int[score.length];
        for (int i = 0; i < score.length; i++) {
            int higher = 0;
            for (int s : score) {
                if (s > score[i]) {
                    higher++;
                }
            }
            rank[i] = higher + 1;
        }
        return rank;
    }
}
