package cn.minsheng.ballot.live;

import java.util.Set;

/**
 * What one live stream shows, supplied by the package that owns the figures. The same for every
 * subscriber of the stream, so it carries nothing about the caller.
 */
public interface Feed {

    /** The figures now (serialized as JSON). */
    Object now();

    /** Whether any of these changed topics (such as {@code ballot:<id>}, {@code session:<id>}) alters the figures. */
    boolean shows(Set<String> changed);
}
