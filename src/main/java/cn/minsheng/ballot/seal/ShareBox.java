package cn.minsheng.ballot.seal;

import java.math.BigInteger;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Hybrid encryption of one ceremony share from trustee i to trustee l (ECIES-style, from
 * BouncyCastle parts): an ephemeral e, E = e·G, Z = e·X_l; 44 bytes of HKDF-SHA256 with
 * ikm = Z (33 bytes, compressed), salt = E (33 bytes), info = the fields
 * ("minsheng-seal/v1/share-key", "P-256", ceremonyId, k, n, i, l, X_l) give the AES-256-GCM key
 * (first 32) and nonce (last 12); the associated data is info again; the plaintext is the 32-byte
 * share. A fresh e makes every key single-use.
 */
public final class ShareBox {

    private ShareBox() {
    }

    static byte[] info(Ceremony c, int sender, int recipient, ECPoint recipientKey) {
        return c.statement("minsheng-seal/v1/share-key").u32(sender).u32(recipient).point(recipientKey).toBytes();
    }

    static byte[] seal(byte[] info, ECPoint shared, ECPoint ephemeral, BigInteger share) {
        return gcm(true, info, shared, ephemeral, Group.encodeScalar(share));
    }

    /** null when the box does not open (wrong key, or altered) */
    static byte[] open(byte[] info, ECPoint shared, ECPoint ephemeral, byte[] box) {
        try {
            return gcm(false, info, shared, ephemeral, box);
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private static byte[] gcm(boolean encrypt, byte[] info, ECPoint shared, ECPoint ephemeral, byte[] input) {
        byte[] okm = new byte[44];
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(Group.encodePoint(shared), Group.encodePoint(ephemeral), info));
        hkdf.generateBytes(okm, 0, 44);
        byte[] key = java.util.Arrays.copyOf(okm, 32);
        byte[] nonce = java.util.Arrays.copyOfRange(okm, 32, 44);
        return Aead.run(encrypt, key, nonce, info, input);
    }

    /** AES-256-GCM with a 128-bit tag appended to the ciphertext */
    static final class Aead {
        private Aead() {
        }

        static byte[] run(boolean encrypt, byte[] key, byte[] nonce, byte[] aad, byte[] input) {
            GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(AESEngine.newInstance());
            gcm.init(encrypt, new AEADParameters(new KeyParameter(key), 128, nonce, aad));
            byte[] out = new byte[gcm.getOutputSize(input.length)];
            int len = gcm.processBytes(input, 0, input.length, out, 0);
            try {
                len += gcm.doFinal(out, len);
            } catch (InvalidCipherTextException e) {
                throw new IllegalStateException("authentication failed");
            }
            return java.util.Arrays.copyOf(out, len);
        }
    }
}
