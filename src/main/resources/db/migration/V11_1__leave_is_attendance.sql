-- Leave (请假) is attendance, per session, never a roster status. A deputy in office is 应到 in every
-- session, on leave or not; SUSPENDED (暂停执行代表职务) deputies are shown apart and, by default, left
-- out of 应到; TERMINATED ones are out. Suspended and terminated deputies cannot log in or cast.

-- A roster row ON_LEAVE meant "on leave for the session at hand": in each session now open in
-- that congress the deputy is seated (应到) and recorded on leave; in sessions not yet opened they
-- are seated at opening like every deputy in office (the secretariat records leave then); closed
-- sessions keep the figures they were counted with.
INSERT INTO session_seat (session_id, deputy_id)
SELECT s.id, d.id FROM deputy d JOIN session s ON s.congress_id = d.congress_id AND s.status = 'OPEN'
WHERE d.status = 'ON_LEAVE'
ON CONFLICT DO NOTHING;

INSERT INTO attendance (session_id, deputy_id, state, method, updated_at)
SELECT s.id, d.id, 'ON_LEAVE', 'PAPER', now() FROM deputy d JOIN session s ON s.congress_id = d.congress_id AND s.status = 'OPEN'
WHERE d.status = 'ON_LEAVE'
ON CONFLICT DO NOTHING;

ALTER TABLE deputy DROP CONSTRAINT deputy_status_check;
UPDATE deputy SET status = 'SEATED' WHERE status = 'ON_LEAVE';
ALTER TABLE deputy ADD CONSTRAINT deputy_status_check CHECK (status IN ('SEATED', 'SUSPENDED', 'TERMINATED'));

-- The deputies SUSPENDED when a session opened, shown apart from 应到 (and in it only when
-- minsheng.roster.suspended-seated is true).
CREATE TABLE session_suspended (
    session_id uuid NOT NULL REFERENCES session (id),
    deputy_id  uuid NOT NULL REFERENCES deputy (id),
    PRIMARY KEY (session_id, deputy_id)
);
GRANT SELECT, INSERT, UPDATE, DELETE ON session_suspended TO ${appRole};

-- A deputy's status decides whether their account's tokens still work: tell every replica (V8).
CREATE FUNCTION deputy_status_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    account_id uuid;
BEGIN
    FOR account_id IN SELECT id FROM account WHERE deputy_id = NEW.id LOOP
        PERFORM pg_notify('account', account_id::text);
    END LOOP;
    RETURN NULL;
END $$;

CREATE TRIGGER deputy_status_changed AFTER UPDATE OF status ON deputy
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION deputy_status_changed();
