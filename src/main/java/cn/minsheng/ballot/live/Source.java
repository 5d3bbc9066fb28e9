package cn.minsheng.ballot.live;

import java.util.UUID;

/**
 * A kind of live stream, supplied by the package that owns its figures (live imports no capability):
 * given the id in the stream's address, the hub key its subscribers share and what they see. It refuses
 * (with the owner's own not-found or forbidden answer) a caller who may not follow that stream.
 */
public interface Source {

    /** The kind of stream this source opens, as {@link TurnoutStreamResource} asks for it ({@code "turnout"}). */
    String kind();

    Opened open(UUID id);

    /** The hub key (such as {@code ballot:<id>}) and the feed of one stream. */
    record Opened(String key, Feed feed) {
    }
}
