-- The sealed ballot box (README "Sealed ballots"): the scrutineers' key ceremony for a session, and
-- for SECRET ballots of a session with a finished ceremony the encrypted ballots, the encrypted
-- totals and the scrutineers' partial decryptions. The service stores only public values: public
-- keys, Feldman commitments, shares encrypted to a scrutineer's key, ciphertexts and proofs.

CREATE TABLE seal_ceremony (
    id          uuid        PRIMARY KEY,
    session_id  uuid        NOT NULL REFERENCES session (id),
    k           integer     NOT NULL CHECK (k >= 1),
    n           integer     NOT NULL CHECK (n >= k),
    status      varchar(16) NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    joint_key   varchar(66),
    failed_by   integer,
    created_at  timestamptz NOT NULL,
    finished_at timestamptz
);
-- at most one ceremony of a session is running or done; a failed one is run again
CREATE UNIQUE INDEX seal_ceremony_live_key ON seal_ceremony (session_id) WHERE status <> 'FAILED';

-- trustee idx (1 … n) of a ceremony: a scrutineer account, its communication key with its Schnorr
-- proof, then its commitments with theirs (JSON, the board's trustee format)
CREATE TABLE seal_trustee (
    ceremony_id  uuid        NOT NULL REFERENCES seal_ceremony (id),
    idx          integer     NOT NULL,
    account_id   uuid        NOT NULL REFERENCES account (id),
    comms_key    varchar(66),
    comms_proof  text,
    commitments  text,
    done         boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (ceremony_id, idx),
    CONSTRAINT seal_trustee_account_key UNIQUE (ceremony_id, account_id)
);

-- P_sender(recipient), sealed to the recipient's communication key
CREATE TABLE seal_share (
    ceremony_id uuid        NOT NULL REFERENCES seal_ceremony (id),
    sender      integer     NOT NULL,
    recipient   integer     NOT NULL,
    ephemeral   varchar(66) NOT NULL,
    box         bytea       NOT NULL,
    PRIMARY KEY (ceremony_id, sender, recipient)
);

-- a public complaint and the service's verdict on it (Complaint.judge)
CREATE TABLE seal_complaint (
    ceremony_id uuid         NOT NULL REFERENCES seal_ceremony (id),
    accused     integer      NOT NULL,
    complainer  integer      NOT NULL,
    shared      varchar(66)  NOT NULL,
    proof       text         NOT NULL,
    at_fault    integer      NOT NULL,
    filed_at    timestamptz  NOT NULL,
    PRIMARY KEY (ceremony_id, accused, complainer)
);

-- a ballot is sealed (decided when it opens) under the ceremony that was done then
ALTER TABLE ballot ADD COLUMN ceremony_id uuid REFERENCES seal_ceremony (id);

-- the encrypted ballots: no deputy, token, address or time; rewritten in random order at close
CREATE TABLE sealed_content (
    id        uuid         PRIMARY KEY,
    ballot_id uuid         NOT NULL REFERENCES ballot (id),
    tracker   varchar(64)  NOT NULL,
    cast_id   varchar(200) NOT NULL,
    encoding  bytea        NOT NULL,
    CONSTRAINT sealed_content_tracker_key UNIQUE (ballot_id, tracker),
    CONSTRAINT sealed_content_cast_key UNIQUE (ballot_id, cast_id)
);
CREATE TRIGGER sealed_content_only_while_open BEFORE INSERT OR UPDATE OR DELETE ON sealed_content
    FOR EACH ROW EXECUTE FUNCTION ballot_accepts_writes();

-- every ciphertext's alpha in the box, so that a replayed ciphertext is refused; emptied at close
CREATE TABLE sealed_alpha (
    ballot_id uuid        NOT NULL REFERENCES ballot (id),
    alpha     varchar(66) NOT NULL,
    PRIMARY KEY (ballot_id, alpha)
);

-- at close: the encrypted totals and the figures fixed then, waiting for k partial decryptions
CREATE TABLE sealed_tally (
    ballot_id  uuid        PRIMARY KEY REFERENCES ballot (id),
    ballots    integer     NOT NULL,
    totals     text        NOT NULL,
    roster     text        NOT NULL,
    closed_at  timestamptz NOT NULL
);

CREATE TABLE sealed_partial (
    ballot_id  uuid        NOT NULL REFERENCES sealed_tally (ballot_id),
    trustee    integer     NOT NULL,
    shares     text        NOT NULL,
    posted_at  timestamptz NOT NULL,
    PRIMARY KEY (ballot_id, trustee)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON seal_ceremony, seal_trustee, seal_share, seal_complaint, sealed_content,
    sealed_alpha, sealed_tally, sealed_partial TO ${appRole};
