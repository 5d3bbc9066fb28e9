package cn.minsheng.ballot.proposal;

/** Why screening (初审) turned a proposal down; OTHER needs a note. */
public enum RejectionReason {
    /** 条件不成熟 */
    NOT_READY,
    /** 新增政府债务 */
    ADDS_PUBLIC_DEBT,
    /** 属上级部署 */
    HIGHER_LEVEL,
    /** 属负面清单 */
    NEGATIVE_LIST,
    /** 与其他建议重复 */
    DUPLICATE,
    OTHER
}
