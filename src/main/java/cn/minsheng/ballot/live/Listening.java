package cn.minsheng.ballot.live;

/** Fired when the listening connection comes up ({@code true}) or goes down ({@code false}). */
public record Listening(boolean up) {
}
