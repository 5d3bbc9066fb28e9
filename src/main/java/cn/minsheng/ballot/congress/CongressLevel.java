package cn.minsheng.ballot.congress;

/** 乡镇, 街道 (residents' councils vote the same way), 县/区, 市/州, 省 */
public enum CongressLevel {
    TOWNSHIP, STREET, COUNTY, CITY, PROVINCE
}
