package cn.minsheng.ballot.common;

import io.smallrye.config.ConfigMapping;

/** minsheng.notice.*: the printed documents (result notice, login slips), set with {@link CjkPdf}. */
@ConfigMapping(prefix = "minsheng.notice")
public interface PdfConfig {

    /** The TrueType font (a .ttc collection is fine) whose subset each PDF embeds. */
    String font();
}
