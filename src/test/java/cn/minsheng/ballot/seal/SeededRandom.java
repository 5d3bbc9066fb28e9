package cn.minsheng.ballot.seal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.prng.DigestRandomGenerator;

/** Tests and test vectors only: BouncyCastle's SHA-256 digest generator from a seed, so runs repeat; it remembers what it gave out. */
final class SeededRandom extends SecureRandom {

    private final transient DigestRandomGenerator generator = new DigestRandomGenerator(new SHA256Digest());
    private final transient List<byte[]> drawn = new ArrayList<>();

    SeededRandom(String seed) {
        generator.addSeedMaterial(seed.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void nextBytes(byte[] bytes) {
        generator.nextBytes(bytes);
        drawn.add(bytes.clone());
    }

    /** every block handed out since the last call, in order */
    List<byte[]> takeDrawn() {
        List<byte[]> out = new ArrayList<>(drawn);
        drawn.clear();
        return out;
    }
}
