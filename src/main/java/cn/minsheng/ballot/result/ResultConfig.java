package cn.minsheng.ballot.result;

import io.smallrye.config.ConfigMapping;

/** The result capability's settings: one mapping per prefix, since minsheng.* holds other capabilities' settings too. */
public final class ResultConfig {

    private ResultConfig() {
    }

    /** minsheng.result.*: publication. */
    @ConfigMapping(prefix = "minsheng.result")
    public interface Result {
        /** How many scrutineers countersign a result before it may be published. */
        int countersignaturesRequired();
    }

    /** minsheng.public.*: where the public reaches the service. */
    @ConfigMapping(prefix = "minsheng.public")
    public interface Public {
        /** The public address the notice's QR code points under. */
        String baseUrl();
    }
}
