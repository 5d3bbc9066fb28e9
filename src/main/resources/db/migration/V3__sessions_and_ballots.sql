-- 代表定: sessions, roster snapshot, attendance, ballots, casting, results.

CREATE TABLE session (
    id                 uuid         PRIMARY KEY,
    congress_id        uuid         NOT NULL REFERENCES congress (id),
    name               varchar(200) NOT NULL,
    kind               varchar(24)  NOT NULL CHECK (kind IN ('PLENARY', 'STANDING_COMMITTEE', 'PRESIDIUM')),
    starts_on          date         NOT NULL,
    ends_on            date         NOT NULL,
    quorum_numerator   integer      NOT NULL CHECK (quorum_numerator >= 0),
    quorum_denominator integer      NOT NULL CHECK (quorum_denominator > 0),
    quorum_inclusive   boolean      NOT NULL,
    status             varchar(16)  NOT NULL CHECK (status IN ('PLANNED', 'OPEN', 'CLOSED')),
    opened_at          timestamptz,
    closed_at          timestamptz,
    created_at         timestamptz  NOT NULL,
    CONSTRAINT session_dates_check CHECK (ends_on >= starts_on)
);

-- 应到: the deputies seated when the session opened
CREATE TABLE session_seat (
    session_id uuid NOT NULL REFERENCES session (id),
    deputy_id  uuid NOT NULL REFERENCES deputy (id),
    PRIMARY KEY (session_id, deputy_id)
);

CREATE TABLE attendance (
    session_id  uuid        NOT NULL REFERENCES session (id),
    deputy_id   uuid        NOT NULL REFERENCES deputy (id),
    state       varchar(16) NOT NULL CHECK (state IN ('PRESENT', 'ON_LEAVE', 'CHECKED_OUT')),
    method      varchar(16) NOT NULL CHECK (method IN ('TABLET', 'PAPER')),
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (session_id, deputy_id),
    FOREIGN KEY (session_id, deputy_id) REFERENCES session_seat (session_id, deputy_id)
);

CREATE TABLE ballot (
    id                    uuid         PRIMARY KEY,
    congress_id           uuid         NOT NULL REFERENCES congress (id),
    session_id            uuid         NOT NULL REFERENCES session (id),
    slate_id              uuid         REFERENCES slate (id),
    parent_ballot_id      uuid         REFERENCES ballot (id),
    title                 varchar(200) NOT NULL,
    kind                  varchar(16)  NOT NULL CHECK (kind IN ('SELECTION', 'EVALUATION', 'MOTION')),
    method                varchar(16)  NOT NULL CHECK (method IN ('APPROVAL', 'YES_NO_ABSTAIN', 'RATING')),
    secrecy               varchar(8)   NOT NULL CHECK (secrecy IN ('SECRET', 'NAMED')),
    seats                 integer      NOT NULL CHECK (seats >= 0),
    max_marks             integer      CHECK (max_marks >= 1),
    threshold_numerator   integer      NOT NULL CHECK (threshold_numerator >= 0),
    threshold_denominator integer      NOT NULL CHECK (threshold_denominator > 0),
    threshold_base        varchar(16)  NOT NULL CHECK (threshold_base IN ('ALL_SEATED', 'PRESENT', 'BALLOTS_CAST', 'VALID_BALLOTS')),
    threshold_inclusive   boolean      NOT NULL,
    tie_policy            varchar(16)  NOT NULL CHECK (tie_policy IN ('RUNOFF', 'CHAIR_DECISION', 'LOT')),
    shortfall_policy      varchar(16)  NOT NULL CHECK (shortfall_policy IN ('ACCEPT_FEWER', 'SUPPLEMENTARY')),
    min_surplus           integer      NOT NULL CHECK (min_surplus >= 0),
    electronic            boolean      NOT NULL,
    paper                 boolean      NOT NULL,
    accept_overmarked     boolean      NOT NULL,
    status                varchar(16)  NOT NULL CHECK (status IN ('DRAFT', 'OPEN', 'CLOSING', 'CLOSED')),
    opened_at             timestamptz,
    closed_at             timestamptz,
    created_at            timestamptz  NOT NULL,
    CONSTRAINT ballot_channel_check CHECK (electronic OR paper)
);
CREATE INDEX ballot_session_idx ON ballot (session_id);

CREATE TABLE ballot_item (
    ballot_id uuid         NOT NULL REFERENCES ballot (id),
    item_id   uuid         NOT NULL,
    position  integer      NOT NULL,
    label     varchar(200) NOT NULL,
    PRIMARY KEY (ballot_id, item_id)
);

-- Who voted. For a retry under the same Idempotency-Key the first receipt is returned: it is kept
-- encrypted under a key derived from the Idempotency-Key, which the server never stores, and both
-- columns are wiped when the ballot closes.
CREATE TABLE participation (
    ballot_id   uuid        NOT NULL REFERENCES ballot (id),
    deputy_id   uuid        NOT NULL REFERENCES deputy (id),
    channel     varchar(16) NOT NULL CHECK (channel IN ('ELECTRONIC', 'PAPER')),
    cast_at     timestamptz NOT NULL,
    key_hash    varchar(64),
    body_mac    varchar(64),
    receipt_enc bytea,
    CONSTRAINT participation_once_key PRIMARY KEY (ballot_id, deputy_id)
);

-- What was voted. No deputy, token, address or time; ids are random and the rows are rewritten in
-- random order at close.
CREATE TABLE ballot_content (
    id        uuid        PRIMARY KEY,
    ballot_id uuid        NOT NULL REFERENCES ballot (id),
    tracker   varchar(64) NOT NULL,
    nonce     varchar(64) NOT NULL,
    marks     text        NOT NULL,
    channel   varchar(16) NOT NULL CHECK (channel IN ('ELECTRONIC', 'PAPER')),
    CONSTRAINT ballot_content_tracker_key UNIQUE (ballot_id, tracker)
);

-- NAMED (roll-call) ballots only: who cast which ballot, published on the board.
CREATE TABLE named_vote (
    ballot_id uuid        NOT NULL REFERENCES ballot (id),
    deputy_id uuid        NOT NULL REFERENCES deputy (id),
    tracker   varchar(64) NOT NULL,
    PRIMARY KEY (ballot_id, deputy_id)
);

-- Paper ballots counted as totals by the scrutineers, and the paper ballots issued.
CREATE TABLE paper_tally (
    id          uuid        PRIMARY KEY,
    ballot_id   uuid        NOT NULL REFERENCES ballot (id),
    issued      integer     NOT NULL CHECK (issued >= 0),
    returned    integer     NOT NULL CHECK (returned >= 0),
    invalid     integer     NOT NULL CHECK (invalid >= 0 AND invalid <= returned),
    counts      text        NOT NULL,
    entered_by  uuid        NOT NULL REFERENCES account (id),
    entered_at  timestamptz NOT NULL
);

CREATE TABLE ballot_result (
    ballot_id    uuid        PRIMARY KEY REFERENCES ballot (id),
    status       varchar(16) NOT NULL CHECK (status IN ('COUNTED', 'PUBLISHED')),
    figures      text        NOT NULL,
    lot_seed     bigint      NOT NULL,
    audit_head   varchar(64),
    counted_at   timestamptz NOT NULL,
    published_at timestamptz,
    chair_reason varchar(1000)
);

CREATE TABLE result_countersign (
    ballot_id  uuid        NOT NULL REFERENCES ballot_result (ballot_id),
    account_id uuid        NOT NULL REFERENCES account (id),
    signed_at  timestamptz NOT NULL,
    CONSTRAINT result_countersign_once_key PRIMARY KEY (ballot_id, account_id)
);

-- A closed ballot's participation and content never change; only OPEN (and CLOSING, inside the
-- closing transaction) ballots take writes. The ballot row is share-locked, so a cast and the close
-- of its ballot serialize: a cast either commits before the close counts, or is refused.
CREATE FUNCTION ballot_accepts_writes() RETURNS trigger AS $$
DECLARE
    ballot_status varchar(16);
BEGIN
    SELECT status INTO ballot_status FROM ballot
        WHERE id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.ballot_id ELSE NEW.ballot_id END) FOR SHARE;
    -- CLOSING is set and cleared inside the closing transaction, so only that transaction sees it
    IF ballot_status IN ('OPEN', 'CLOSING') THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    RAISE EXCEPTION 'ballot % is %: it takes no votes', (CASE WHEN TG_OP = 'DELETE' THEN OLD.ballot_id ELSE NEW.ballot_id END),
        coalesce(ballot_status, 'missing') USING ERRCODE = 'P0001', CONSTRAINT = 'ballot_not_open';
END $$ LANGUAGE plpgsql;

CREATE TRIGGER participation_only_while_open BEFORE INSERT OR UPDATE OR DELETE ON participation
    FOR EACH ROW EXECUTE FUNCTION ballot_accepts_writes();
CREATE TRIGGER content_only_while_open BEFORE INSERT OR UPDATE OR DELETE ON ballot_content
    FOR EACH ROW EXECUTE FUNCTION ballot_accepts_writes();
CREATE TRIGGER named_vote_only_while_open BEFORE INSERT OR UPDATE OR DELETE ON named_vote
    FOR EACH ROW EXECUTE FUNCTION ballot_accepts_writes();
CREATE TRIGGER paper_only_while_open BEFORE INSERT OR UPDATE OR DELETE ON paper_tally
    FOR EACH ROW EXECUTE FUNCTION ballot_accepts_writes();

-- A published result is final.
CREATE FUNCTION published_result_is_final() RETURNS trigger AS $$
BEGIN
    IF OLD.status = 'PUBLISHED' THEN
        RAISE EXCEPTION 'result of ballot % is published and final', OLD.ballot_id
            USING ERRCODE = 'P0001', CONSTRAINT = 'result_published';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER published_result_is_final BEFORE UPDATE OR DELETE ON ballot_result
    FOR EACH ROW EXECUTE FUNCTION published_result_is_final();

GRANT SELECT, INSERT, UPDATE, DELETE ON session, session_seat, attendance, ballot, ballot_item, participation,
    ballot_content, named_vote, paper_tally, ballot_result, result_countersign TO ${appRole};
