package cn.minsheng.ballot.result;

import java.util.List;

import cn.minsheng.ballot.tally.VoidReason;

/** Why a vote is void, in words, with its figures. */
final class VoidText {

    private VoidText() {
    }

    static String of(ResultFigures f) {
        List<VoidReason> reasons = f.voidReasons() == null || f.voidReasons().isEmpty()
                ? List.of(VoidReason.MORE_RETURNED_THAN_ISSUED) : f.voidReasons();
        StringBuilder s = new StringBuilder();
        for (VoidReason r : reasons) {
            s.append(switch (r) {
                case MORE_RETURNED_THAN_ISSUED -> "收回选票 " + f.returned() + " 张，多于发出选票 " + f.issued() + " 张；";
                case PAPER_MORE_RETURNED_THAN_ISSUED -> "票箱收回纸质选票 " + f.ballots().paperReturned() + " 张，多于发出纸质选票 "
                        + f.ballots().paperIssued() + " 张；";
                case MORE_BALLOTS_THAN_VOTERS -> "所投票数 " + f.returned() + " 张，多于投票人数 " + f.ballots().voters() + " 人；";
            });
        }
        return s.toString();
    }
}
