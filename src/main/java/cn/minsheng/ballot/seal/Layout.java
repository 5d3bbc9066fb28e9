package cn.minsheng.ballot.seal;

import java.util.HashSet;
import java.util.List;

/**
 * The shape of a sealed ballot: its items in order, and the choices each item carries in order (one
 * ciphertext per item and choice; an unmarked choice encrypts 0). The FOR marks of a ballot add up
 * to a number in [minFor, maxFor] (proved when "FOR" is one of the choices); with more than one
 * choice, at most one per item is marked (proved per item).
 */
public record Layout(String method, List<String> items, List<String> choices, int minFor, int maxFor) {

    public static final String FOR = "FOR";

    public Layout {
        items = List.copyOf(items);
        choices = List.copyOf(choices);
        if (items.isEmpty() || new HashSet<>(items).size() != items.size() || choices.isEmpty()
                || new HashSet<>(choices).size() != choices.size()) {
            throw new IllegalArgumentException("items and choices must be distinct and not empty");
        }
        if (minFor < 0 || maxFor < minFor || maxFor > items.size()) {
            throw new IllegalArgumentException("need 0 <= minFor <= maxFor <= items");
        }
    }

    /** tick between minMarks and maxMarks items */
    public static Layout approval(List<String> items, int minMarks, int maxMarks) {
        return new Layout("APPROVAL", items, List.of(FOR), minMarks, maxMarks);
    }

    /** FOR / AGAINST / ABSTAIN per item, at most maxFor FOR marks (null: no limit) */
    public static Layout yesNoAbstain(List<String> items, Integer maxFor) {
        return new Layout("YES_NO_ABSTAIN", items, List.of(FOR, "AGAINST", "ABSTAIN"), 0, maxFor == null ? items.size() : maxFor);
    }

    public static Layout rating(List<String> items) {
        return new Layout("RATING", items, List.of("SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED", "ABSTAIN"), 0, 0);
    }

    public boolean hasForSum() {
        return choices.contains(FOR);
    }

    public boolean oneChoicePerItem() {
        return choices.size() > 1;
    }
}
