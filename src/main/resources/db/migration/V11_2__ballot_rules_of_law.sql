-- Ballot rules that real 票决办法 word precisely (issue 18).

-- EVALUATION: the tiers, each with its own fraction, base and strictness, as
-- "fraction:BASE:INCLUSIVE|STRICT;fraction:BASE:INCLUSIVE|STRICT" (satisfied; basically satisfied).
-- NULL: the 镇海区 rule over the ballot's threshold fraction and base.
ALTER TABLE ballot ADD COLUMN evaluation_tiers varchar(100);

-- Follow-up ballots (runoff, supplementary) carry their own rules, fixed with the first ballot:
-- which candidates (ALL_REMAINING, or BEST_PLACED by first-round FOR with a surplus ratio) and
-- which threshold (NULL: the first ballot's; else "fraction:BASE:INCLUSIVE|STRICT").
ALTER TABLE ballot ADD COLUMN follow_up_candidates varchar(16) NOT NULL DEFAULT 'ALL_REMAINING'
    CHECK (follow_up_candidates IN ('ALL_REMAINING', 'BEST_PLACED'));
ALTER TABLE ballot ADD COLUMN follow_up_surplus varchar(9);
ALTER TABLE ballot ADD COLUMN follow_up_threshold varchar(50);
ALTER TABLE ballot ADD CONSTRAINT ballot_follow_up_surplus_check
    CHECK ((follow_up_candidates = 'BEST_PLACED') = (follow_up_surplus IS NOT NULL));

-- minMarks: a ballot with fewer FOR marks is invalid (TOO_FEW_MARKS); "exactly N" is min = max = seats.
ALTER TABLE ballot ADD COLUMN min_marks integer NOT NULL DEFAULT 0 CHECK (min_marks >= 0);
