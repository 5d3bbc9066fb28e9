package cn.minsheng.ballot.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.congress.Congress;
import cn.minsheng.ballot.session.Session;
import cn.minsheng.ballot.session.SessionKind;
import cn.minsheng.ballot.tally.ChineseNumber;

/** Who issues the notice (发文机关), and its date in Chinese numerals. */
class NoticeIssuerTest {

    private static String issuer(String congress, String session, SessionKind kind) {
        Congress c = new Congress();
        c.name = congress;
        Session s = new Session();
        s.name = session;
        s.kind = kind;
        return NoticePdf.issuer(s, c);
    }

    @Test
    void aPlenaryIsIssuedByItsPresidiumAndACommitteeSessionByTheStandingCommittee() {
        assertEquals("青溪县第十八届人民代表大会第三次会议主席团",
                issuer("青溪县人民代表大会", "第十八届人民代表大会第三次会议", SessionKind.PLENARY));
        // a session named with its place is not prefixed twice
        assertEquals("青溪县第十八届人民代表大会第三次会议主席团",
                issuer("青溪县人民代表大会", "青溪县第十八届人民代表大会第三次会议", SessionKind.PRESIDIUM));
        assertEquals("青溪县人民代表大会常务委员会",
                issuer("青溪县人民代表大会", "第十八届常委会第二十次会议", SessionKind.STANDING_COMMITTEE));
        // a name without 人民代表大会 is kept whole
        assertEquals("城关镇人大常务委员会", issuer("城关镇人大", "第五次会议", SessionKind.STANDING_COMMITTEE));
    }

    @Test
    void theDateIsWrittenInChineseNumerals() {
        assertEquals("二〇二七年一月十二日", ChineseNumber.date(LocalDate.of(2027, 1, 12)));
        assertEquals("二〇三〇年十月二十日", ChineseNumber.date(LocalDate.of(2030, 10, 20)));
        assertEquals("二〇二六年十二月一日", ChineseNumber.date(LocalDate.of(2026, 12, 1)));
    }
}
