package cn.minsheng.ballot.proposal;

/** Who proposed: 群众 (the public), 代表, 政府部门, 人大常委会. */
public enum ProposalSource {
    PUBLIC, DEPUTY, DEPARTMENT, STANDING_COMMITTEE
}
