-- The notice (公告) of a published result is an official document with a number (第N号): a sequence
-- per session, assigned when the result is published, stored, unique and never reused (the app
-- role may only insert and read).
CREATE TABLE result_notice (
    ballot_id  uuid    PRIMARY KEY REFERENCES ballot_result (ballot_id),
    session_id uuid    NOT NULL REFERENCES session (id),
    number     integer NOT NULL CHECK (number >= 1),
    CONSTRAINT result_notice_number_key UNIQUE (session_id, number)
);
GRANT SELECT, INSERT ON result_notice TO ${appRole};
