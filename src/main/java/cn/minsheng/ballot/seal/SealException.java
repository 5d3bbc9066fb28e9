package cn.minsheng.ballot.seal;

/** Something published or received does not check out; the message says what, in English, for logs and verifiers. */
public class SealException extends RuntimeException {

    public SealException(String message) {
        super(message);
    }
}
