package cn.minsheng.ballot.seal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;

import org.bouncycastle.crypto.generators.SCrypt;

/**
 * A trustee's key under a passphrase, for a file or a printed QR code. The passphrase (NFC,
 * UTF-8) and a 16-byte salt give 44 bytes of scrypt(N = 2^logN, r, p): the AES-256-GCM key (first
 * 32) and nonce (last 12). Encoding:
 * <pre>
 * header = "minsheng-seal/v1/backup", logN, r, p, salt        (the GCM associated data)
 * backup = header ‖ field(AES-256-GCM(plaintext) ‖ tag)
 * plaintext = "minsheng-seal/v1/share", ceremonyId, k, n, index, share, commsSecret
 * </pre>
 * Its text form is that backup in standard base64.
 */
public final class ShareBackup {

    public static final String TAG = "minsheng-seal/v1/backup";
    /** 2^17 × 8 × 128 bytes = 128 MiB of memory, about half a second on a phone */
    public static final int LOG_N = 17;
    public static final int MIN_PASSPHRASE = 10;

    private ShareBackup() {
    }

    public static String seal(TrusteeKey key, String passphrase, SecureRandom random) {
        return seal(key, passphrase, LOG_N, random);
    }

    public static String seal(TrusteeKey key, String passphrase, int logN, SecureRandom random) {
        if (passphrase.codePointCount(0, passphrase.length()) < MIN_PASSPHRASE) {
            throw new SealException("a backup passphrase needs at least " + MIN_PASSPHRASE + " characters");
        }
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] header = header(logN, 8, 1, salt).toBytes();
        byte[] plain = Enc.tag("minsheng-seal/v1/share").str(key.ceremonyId()).u32(key.k()).u32(key.n()).u32(key.index())
                .scalar(key.share()).scalar(key.commsSecret()).toBytes();
        byte[] box = aead(true, passphrase, logN, 8, 1, salt, header, plain);
        byte[] all = new Enc().bytes(box).toBytes();
        byte[] out = Arrays.copyOf(header, header.length + all.length);
        System.arraycopy(all, 0, out, header.length, all.length);
        return Base64.getEncoder().encodeToString(out);
    }

    private static Enc header(int logN, int r, int p, byte[] salt) {
        return Enc.tag(TAG).u32(logN).u32(r).u32(p).bytes(salt);
    }

    public static TrusteeKey open(String text, String passphrase) {
        byte[] data;
        try {
            data = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new SealException("not a share backup");
        }
        Enc.Reader r = new Enc.Reader(data);
        r.expect(TAG);
        int logN = r.u32();
        int cost = r.u32();
        int par = r.u32();
        byte[] salt = r.bytes();
        if (logN < 10 || logN > 22 || cost < 1 || cost > 32 || par < 1 || par > 16 || salt.length != 16) {
            throw new SealException("backup parameters out of range");
        }
        byte[] header = header(logN, cost, par, salt).toBytes();
        byte[] box = r.bytes();
        r.end();
        byte[] plain;
        try {
            plain = aead(false, passphrase, logN, cost, par, salt, header, box);
        } catch (IllegalStateException e) {
            throw new SealException("wrong passphrase, or the backup is damaged");
        }
        Enc.Reader p = new Enc.Reader(plain);
        p.expect("minsheng-seal/v1/share");
        TrusteeKey key = new TrusteeKey(p.str(), p.u32(), p.u32(), p.u32(), p.scalar(), p.scalar());
        p.end();
        return key;
    }

    private static byte[] aead(boolean encrypt, String passphrase, int logN, int r, int p, byte[] salt, byte[] aad, byte[] input) {
        byte[] pass = Normalizer.normalize(passphrase, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
        byte[] okm = SCrypt.generate(pass, salt, 1 << logN, r, p, 44);
        return ShareBox.Aead.run(encrypt, Arrays.copyOf(okm, 32), Arrays.copyOfRange(okm, 32, 44), aad, input);
    }
}
