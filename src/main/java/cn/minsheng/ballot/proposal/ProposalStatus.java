package cn.minsheng.ballot.proposal;

/** SUBMITTED proposals form the reserve pool (储备库) until screened or merged into another. */
public enum ProposalStatus {
    SUBMITTED, ACCEPTED, REJECTED, MERGED
}
