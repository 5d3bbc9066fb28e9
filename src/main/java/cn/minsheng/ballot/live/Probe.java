package cn.minsheng.ballot.live;

import java.util.Set;

/**
 * Changes too frequent to be notified one by one (casts): asked once every interval about the
 * streams followed on this replica, it answers the topics that changed since it was last asked.
 * Called only from the listener's thread.
 */
public interface Probe {

    Set<String> changed(Set<String> followedStreams);
}
