package cn.minsheng.ballot.tally;

public record Mark(String itemId, Choice choice) {
}
