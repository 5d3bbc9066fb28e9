package cn.minsheng.ballot.ballot;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Lets a retried cast get its first receipt back without the database holding a link between a
 * deputy and a tracker: the participation row keeps only a hash of the client's Idempotency-Key,
 * a MAC of the body under that key, and the receipt encrypted under another key derived from it.
 * Without the Idempotency-Key (which only the tablet holds) the row reveals nothing; at close the
 * three columns are wiped anyway.
 */
public final class ReceiptVault {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;

    private ReceiptVault() {
    }

    static String keyHash(String idempotencyKey) {
        return sha256Hex("key:" + idempotencyKey);
    }

    static String bodyMac(String idempotencyKey, String canonicalBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(derive("mac", idempotencyKey), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(canonicalBody.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] seal(String idempotencyKey, String receipt) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(derive("seal", idempotencyKey), "AES"), new GCMParameterSpec(128, iv));
            byte[] sealed = c.doFinal(receipt.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String open(String idempotencyKey, byte[] sealed) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(derive("seal", idempotencyKey), "AES"),
                    new GCMParameterSpec(128, sealed, 0, IV_BYTES));
            return new String(c.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("receipt cannot be opened with this key", e);
        }
    }

    /** 256 random bits, hex: the nonce that makes equal ballots have different trackers. */
    static String nonce() {
        byte[] n = new byte[32];
        RANDOM.nextBytes(n);
        return HexFormat.of().formatHex(n);
    }

    private static byte[] derive(String purpose, String idempotencyKey) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((purpose + ":" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
