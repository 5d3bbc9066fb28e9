package cn.minsheng.ballot.supervision;

import io.smallrye.config.ConfigMapping;

/** The supervision capability's settings (minsheng.issue.*). */
@ConfigMapping(prefix = "minsheng.issue")
public interface SupervisionConfig {

    /** Days a department has to answer an issue raised without a due date. */
    int answerDays();
}
