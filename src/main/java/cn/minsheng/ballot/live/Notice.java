package cn.minsheng.ballot.live;

/** A PostgreSQL notification heard on {@code channel}, fired as a CDI event as soon as it is read. */
public record Notice(String channel, String payload) {
}
