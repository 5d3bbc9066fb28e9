-- The hall's projector logs in with an account of its own that may only read a session's
-- attendance and turnout.
ALTER TABLE account DROP CONSTRAINT account_role_check;
ALTER TABLE account ADD CONSTRAINT account_role_check
    CHECK (role IN ('admin', 'secretariat', 'deputy', 'scrutineer', 'department', 'projector'));
