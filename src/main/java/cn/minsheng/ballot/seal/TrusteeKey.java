package cn.minsheng.ballot.seal;

import java.math.BigInteger;

/** A trustee's result of the ceremony, kept on its device (and in its backup): its share s_i of the election secret. */
public record TrusteeKey(String ceremonyId, int k, int n, int index, BigInteger share, BigInteger commsSecret) {

    @Override
    public String toString() {
        return "TrusteeKey[" + ceremonyId + " #" + index + " of " + n + "]";
    }
}
