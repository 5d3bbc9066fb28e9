package cn.minsheng.ballot.seal;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * An encrypted ballot with all its proofs. Canonical encoding (fields as in {@link Enc}):
 * <pre>
 * "minsheng-seal/v1/ballot", contextHash, castId, #items,
 *   for each item: itemId, #choices,
 *       for each choice: choice, alpha, beta, PROOF(0,1)            kind "mark"
 *     [if #choices > 1: PROOF(0,1) of the item's sum]               kind "item"
 * [if "FOR" is a choice: PROOF(minFor,maxFor) of the FOR marks' sum] kind "for-sum"
 * PROOF(lo,hi) = lo, hi, then c_j, v_j for j = lo … hi
 * </pre>
 * The tracker is the lowercase hex SHA-256 of that encoding. The castId is unique per cast (the
 * tablet's random idempotency key) and is bound into every proof, so a proof, or a ciphertext
 * whose randomness the caster does not know, cannot be carried into another ballot.
 */
public record SealedBallot(byte[] contextHash, String castId, List<Item> items, RangeProof forSum) {

    public static final String TAG = "minsheng-seal/v1/ballot";

    public record Mark(String choice, Ciphertext ct, RangeProof proof) {
    }

    public record Item(String itemId, List<Mark> marks, RangeProof oneChoice) {
        public Item {
            marks = List.copyOf(marks);
        }
    }

    public SealedBallot {
        contextHash = contextHash.clone();
        items = List.copyOf(items);
    }

    /**
     * Seals a ballot: marks maps an item to its chosen choice (absent = not marked). Randomness is
     * drawn in a fixed order (for each item, for each choice: r, then the mark proof's draws; then
     * the item proof's; at the end the for-sum proof's) so that another implementation given the
     * same draws produces the same bytes.
     */
    public static SealedBallot seal(Context ctx, String castId, Map<String, String> marks, SecureRandom random) {
        Layout layout = ctx.layout();
        for (Map.Entry<String, String> m : marks.entrySet()) {
            if (!layout.items().contains(m.getKey()) || !layout.choices().contains(m.getValue())) {
                throw new IllegalArgumentException("no such item or choice: " + m);
            }
        }
        int[][] values = new int[layout.items().size()][layout.choices().size()];
        int forCount = 0;
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < values[i].length; j++) {
                values[i][j] = layout.choices().get(j).equals(marks.get(layout.items().get(i))) ? 1 : 0;
                forCount += layout.choices().get(j).equals(Layout.FOR) ? values[i][j] : 0;
            }
        }
        if (layout.hasForSum() && (forCount < layout.minFor() || forCount > layout.maxFor())) {
            throw new IllegalArgumentException("between " + layout.minFor() + " and " + layout.maxFor() + " FOR marks allowed");
        }
        return sealValues(ctx, castId, values, random);
    }

    /**
     * Seals the given values (values[item][choice]) without checking them: an honest caller passes
     * only 0 and 1 within the layout's limits; a value outside a proof's range is claimed to be the
     * nearest value inside it, which gives a proof that fails (tests use this to play a cheat).
     */
    static SealedBallot sealValues(Context ctx, String castId, int[][] values, SecureRandom random) {
        Layout layout = ctx.layout();
        List<Item> items = new ArrayList<>();
        Ciphertext forCt = Ciphertext.ZERO;
        BigInteger forR = BigInteger.ZERO;
        int forCount = 0;
        for (int i = 0; i < layout.items().size(); i++) {
            String item = layout.items().get(i);
            List<Mark> ms = new ArrayList<>();
            Ciphertext itemCt = Ciphertext.ZERO;
            BigInteger itemR = BigInteger.ZERO;
            int itemCount = 0;
            for (int j = 0; j < layout.choices().size(); j++) {
                String choice = layout.choices().get(j);
                int value = values[i][j];
                BigInteger r = Group.randomScalar(random);
                Ciphertext ct = Ciphertext.encrypt(ctx.jointKey(), value, r);
                ms.add(new Mark(choice, ct, RangeProof.prove(statement(ctx, castId, "mark", item, choice), ct, r, clamp(value, 0, 1), 0, 1, random)));
                itemCt = itemCt.add(ct);
                itemR = itemR.add(r);
                itemCount += value;
                if (choice.equals(Layout.FOR)) {
                    forCt = forCt.add(ct);
                    forR = forR.add(r);
                    forCount += value;
                }
            }
            RangeProof one = layout.oneChoicePerItem()
                    ? RangeProof.prove(statement(ctx, castId, "item", item, ""), itemCt, itemR.mod(Group.N), clamp(itemCount, 0, 1), 0, 1, random)
                    : null;
            items.add(new Item(item, ms, one));
        }
        RangeProof sum = layout.hasForSum()
                ? RangeProof.prove(statement(ctx, castId, "for-sum", "", ""), forCt, forR.mod(Group.N),
                        clamp(forCount, layout.minFor(), layout.maxFor()), layout.minFor(), layout.maxFor(), random)
                : null;
        return new SealedBallot(ctx.hash(), castId, items, sum);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    static RangeProof.Statement statement(Context ctx, String castId, String kind, String item, String choice) {
        return new RangeProof.Statement(ctx.hash(), ctx.jointKey(), castId, kind, item, choice);
    }

    /** Every check a verifier makes; throws saying which fails. */
    public SealedBallot verify(Context ctx) {
        Layout layout = ctx.layout();
        if (!Arrays.equals(contextHash, ctx.hash())) {
            throw new SealException("ballot sealed for another ballot or key");
        }
        if (castId == null || castId.isEmpty() || castId.length() > 200) {
            throw new SealException("cast id missing or too long");
        }
        if (items.size() != layout.items().size()) {
            throw new SealException("ballot does not carry every item");
        }
        Ciphertext forCt = Ciphertext.ZERO;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            String id = layout.items().get(i);
            if (!item.itemId().equals(id) || item.marks().size() != layout.choices().size()) {
                throw new SealException("item " + i + " is not " + id + " with every choice");
            }
            Ciphertext itemCt = Ciphertext.ZERO;
            for (int j = 0; j < item.marks().size(); j++) {
                Mark m = item.marks().get(j);
                String choice = layout.choices().get(j);
                if (!m.choice().equals(choice)) {
                    throw new SealException(id + ": choice " + j + " is not " + choice);
                }
                if (m.ct().alpha().isInfinity() || m.ct().beta().isInfinity()) {
                    throw new SealException(id + " " + choice + ": degenerate ciphertext");
                }
                if (m.proof().lo() != 0 || m.proof().hi() != 1 || !m.proof().verifies(statement(ctx, castId, "mark", id, choice), m.ct())) {
                    throw new SealException(id + " " + choice + ": the proof that the mark is 0 or 1 fails");
                }
                itemCt = itemCt.add(m.ct());
                if (choice.equals(Layout.FOR)) {
                    forCt = forCt.add(m.ct());
                }
            }
            if (layout.oneChoicePerItem() != (item.oneChoice() != null)) {
                throw new SealException(id + ": one-choice proof missing or unexpected");
            }
            if (item.oneChoice() != null && (item.oneChoice().lo() != 0 || item.oneChoice().hi() != 1
                    || !item.oneChoice().verifies(statement(ctx, castId, "item", id, ""), itemCt))) {
                throw new SealException(id + ": the proof of at most one choice fails");
            }
        }
        if (layout.hasForSum() != (forSum != null)) {
            throw new SealException("FOR-sum proof missing or unexpected");
        }
        if (forSum != null && (forSum.lo() != layout.minFor() || forSum.hi() != layout.maxFor()
                || !forSum.verifies(statement(ctx, castId, "for-sum", "", ""), forCt))) {
            throw new SealException("the proof of " + layout.minFor() + " to " + layout.maxFor() + " FOR marks fails");
        }
        return this;
    }

    public byte[] encode() {
        Enc e = Enc.tag(TAG).bytes(contextHash).str(castId).u32(items.size());
        for (Item item : items) {
            e.str(item.itemId()).u32(item.marks().size());
            for (Mark m : item.marks()) {
                m.proof().writeTo(e.str(m.choice()).point(m.ct().alpha()).point(m.ct().beta()));
            }
            if (item.oneChoice() != null) {
                item.oneChoice().writeTo(e);
            }
        }
        if (forSum != null) {
            forSum.writeTo(e);
        }
        return e.toBytes();
    }

    /** Reads a ballot sealed under ctx (its layout decides which proofs follow); the bytes must be canonical. */
    public static SealedBallot decode(Context ctx, byte[] bytes) {
        Layout layout = ctx.layout();
        Enc.Reader r = new Enc.Reader(bytes);
        r.expect(TAG);
        byte[] hash = r.bytes();
        String castId = r.str();
        int n = r.u32();
        if (n != layout.items().size()) {
            throw new SealException("ballot does not carry every item");
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = r.str();
            int nc = r.u32();
            if (nc != layout.choices().size()) {
                throw new SealException(id + ": not every choice");
            }
            List<Mark> marks = new ArrayList<>();
            for (int j = 0; j < nc; j++) {
                String choice = r.str();
                Ciphertext ct = new Ciphertext(r.point(), r.point());
                marks.add(new Mark(choice, ct, RangeProof.read(r, 0, 1)));
            }
            items.add(new Item(id, marks, layout.oneChoicePerItem() ? RangeProof.read(r, 0, 1) : null));
        }
        RangeProof sum = layout.hasForSum() ? RangeProof.read(r, layout.minFor(), layout.maxFor()) : null;
        r.end();
        SealedBallot b = new SealedBallot(hash, castId, items, sum);
        if (!Arrays.equals(b.encode(), bytes)) {
            throw new SealException("encoding not canonical");
        }
        return b;
    }

    /**
     * Only the ciphertexts of a ballot already accepted (decoded and checked then), per item and choice,
     * passing over its proofs: what the totals need, without decoding every proof's scalars and encoding
     * the ballot again.
     */
    static Ciphertext[][] ciphertexts(Context ctx, byte[] bytes) {
        Layout layout = ctx.layout();
        Enc.Reader r = new Enc.Reader(bytes);
        r.expect(TAG);
        r.skip();
        r.skip();
        int n = r.u32();
        if (n != layout.items().size()) {
            throw new SealException("ballot does not carry every item");
        }
        Ciphertext[][] out = new Ciphertext[n][layout.choices().size()];
        for (int i = 0; i < n; i++) {
            r.skip();
            if (r.u32() != out[i].length) {
                throw new SealException("item " + i + ": not every choice");
            }
            for (int j = 0; j < out[i].length; j++) {
                r.skip();
                out[i][j] = new Ciphertext(r.point(), r.point());
                skipProof(r, 0, 1);
            }
            if (layout.oneChoicePerItem()) {
                skipProof(r, 0, 1);
            }
        }
        if (layout.hasForSum()) {
            skipProof(r, layout.minFor(), layout.maxFor());
        }
        r.end();
        return out;
    }

    private static void skipProof(Enc.Reader r, int lo, int hi) {
        if (r.u32() != lo || r.u32() != hi) {
            throw new SealException("range proof for the wrong range");
        }
        for (int j = lo; j <= hi; j++) {
            r.skip();
            r.skip();
        }
    }

    public String tracker() {
        return tracker(encode());
    }

    public static String tracker(byte[] encoding) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encoding));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** the ciphertext of an item's choice */
    public Ciphertext ciphertext(int item, int choice) {
        return items.get(item).marks().get(choice).ct();
    }
}
