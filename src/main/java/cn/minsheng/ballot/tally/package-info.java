/**
 * Pure counting: ballot rules, roster figures and the counted ballots go in, every figure of the
 * result comes out. No Quarkus, no JPA, no clock, no randomness but the published lot seed, so the
 * same code serves the service, its tests and an offline verifier.
 */
package cn.minsheng.ballot.tally;
