package cn.minsheng.ballot.seal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** A whole honest key ceremony, as the scrutineers' devices would run it through the service. */
final class SealFixtures {

    record Run(Ceremony ceremony, List<Trustee> trustees, List<TrusteeKey> keys) {
        TrusteeKey key(int index) {
            return keys.get(index - 1);
        }
    }

    private SealFixtures() {
    }

    static List<Trustee> trustees(String id, int k, int n, SecureRandom random) {
        Ceremony params = new Ceremony(id, k, n, List.of());
        List<Trustee> trustees = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            trustees.add(Trustee.create(params, i, random));
        }
        return trustees;
    }

    static Ceremony publish(String id, int k, List<Trustee> trustees, SecureRandom random) {
        return new Ceremony(id, k, trustees.size(), trustees.stream().map(t -> t.publish(random)).toList()).verified();
    }

    /** the boxes trustee l receives from every other trustee */
    static List<EncryptedShare> sharesFor(Ceremony c, List<Trustee> trustees, int l, SecureRandom random) {
        return trustees.stream().filter(t -> t.index() != l).map(t -> t.shareFor(c, l, random)).toList();
    }

    static Run ceremony(String id, int k, int n, SecureRandom random) {
        List<Trustee> trustees = trustees(id, k, n, random);
        Ceremony c = publish(id, k, trustees, random);
        List<TrusteeKey> keys = new ArrayList<>();
        for (Trustee t : trustees) {
            keys.add(t.finish(c, sharesFor(c, trustees, t.index(), random)));
        }
        return new Run(c, trustees, keys);
    }
}
