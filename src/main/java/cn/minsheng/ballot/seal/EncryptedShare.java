package cn.minsheng.ballot.seal;

import org.bouncycastle.math.ec.ECPoint;

/** P_sender(recipient), sealed to the recipient's communication key (see {@link ShareBox}); posted through the service. */
public record EncryptedShare(int sender, int recipient, ECPoint ephemeral, byte[] box) {
}
