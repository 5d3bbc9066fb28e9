-- Ballot rules that real 票决办法 word precisely (issue 18).

-- EVALUATION: the tiers, each with its own fraction, base and strictness, as
-- "fraction:BASE:INCLUSIVE|STRICT;fraction:BASE:INCLUSIVE|STRICT" (satisfied; basically satisfied).
-- NULL: the 镇海区 rule over the ballot's threshold fraction and base.
ALTER TABLE ballot ADD COLUMN evaluation_tiers varchar(100);
