-- Casts and the close of their ballot serialize on a transaction-scoped advisory lock rather than a
-- share lock on the ballot row: thousands of concurrent share locks on one row make PostgreSQL build
-- ever larger multixacts, the lock manager's shared advisory locks cost almost nothing.
-- Writers take the lock shared; closing takes it exclusively (see CloseService), so a close waits
-- for the casts in flight and later casts see the ballot closed.
CREATE OR REPLACE FUNCTION ballot_accepts_writes() RETURNS trigger AS $$
DECLARE
    target uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.ballot_id ELSE NEW.ballot_id END;
    ballot_status varchar(16);
BEGIN
    PERFORM pg_advisory_xact_lock_shared(1836278895, hashtext(target::text));
    SELECT status INTO ballot_status FROM ballot WHERE id = target;
    -- CLOSING is set and cleared inside the closing transaction, so only that transaction sees it
    IF ballot_status IN ('OPEN', 'CLOSING') THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    RAISE EXCEPTION 'ballot % is %: it takes no votes', target, coalesce(ballot_status, 'missing')
        USING ERRCODE = 'P0001', CONSTRAINT = 'ballot_not_open';
END $$ LANGUAGE plpgsql;
