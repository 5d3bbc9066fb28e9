-- 群众提: solicitation windows, proposals (the reserve pool 储备库), screening into candidates,
-- and slates of candidates put to a ballot.

CREATE TABLE solicitation (
    id          uuid         PRIMARY KEY,
    congress_id uuid         NOT NULL REFERENCES congress (id),
    year        integer      NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    title       varchar(200) NOT NULL,
    notice      text         NOT NULL,
    opens_at    timestamptz  NOT NULL,
    closes_at   timestamptz  NOT NULL,
    created_at  timestamptz  NOT NULL,
    CONSTRAINT solicitation_window_check CHECK (closes_at > opens_at)
);
CREATE INDEX solicitation_congress_idx ON solicitation (congress_id, opens_at);

CREATE TABLE proposal (
    id                  uuid          PRIMARY KEY,
    congress_id         uuid          NOT NULL REFERENCES congress (id),
    solicitation_id     uuid          NOT NULL REFERENCES solicitation (id),
    title               varchar(200)  NOT NULL,
    summary             varchar(4000) NOT NULL,
    category            varchar(32)   NOT NULL,
    location            varchar(200),
    estimated_budget    numeric(14, 2) CHECK (estimated_budget >= 0),
    source              varchar(24)   NOT NULL CHECK (source IN ('PUBLIC', 'DEPUTY', 'DEPARTMENT', 'STANDING_COMMITTEE')),
    -- personal data: never on the public API
    proposer_account_id uuid          REFERENCES account (id),
    contact_name        varchar(100),
    contact_phone       varchar(40),
    supporters          integer       NOT NULL CHECK (supporters >= 1),
    status              varchar(16)   NOT NULL CHECK (status IN ('SUBMITTED', 'ACCEPTED', 'REJECTED', 'MERGED')),
    merged_into         uuid          REFERENCES proposal (id),
    resubmitted_from    uuid          REFERENCES proposal (id),
    rejection_reason    varchar(32),
    rejection_note      varchar(1000),
    screened_at         timestamptz,
    submitted_at        timestamptz   NOT NULL,
    CONSTRAINT proposal_merge_check CHECK ((status = 'MERGED') = (merged_into IS NOT NULL)),
    CONSTRAINT proposal_rejection_check CHECK ((status = 'REJECTED') = (rejection_reason IS NOT NULL))
);
CREATE INDEX proposal_congress_status_idx ON proposal (congress_id, status, submitted_at);

CREATE TABLE candidate (
    id               uuid           PRIMARY KEY,
    congress_id      uuid           NOT NULL REFERENCES congress (id),
    proposal_id      uuid           NOT NULL REFERENCES proposal (id),
    year             integer        NOT NULL,
    title            varchar(200)   NOT NULL,
    summary          varchar(4000)  NOT NULL,
    category         varchar(32)    NOT NULL,
    location         varchar(200),
    department       varchar(100)   NOT NULL,
    estimated_budget numeric(14, 2) NOT NULL CHECK (estimated_budget >= 0),
    planned_years    integer        NOT NULL CHECK (planned_years BETWEEN 1 AND 10),
    -- JSON array of yearly stage targets, one per planned year
    stage_targets    text           NOT NULL,
    created_at       timestamptz    NOT NULL,
    CONSTRAINT candidate_proposal_key UNIQUE (proposal_id)
);
CREATE INDEX candidate_congress_year_idx ON candidate (congress_id, year);

CREATE TABLE slate (
    id               uuid         PRIMARY KEY,
    congress_id      uuid         NOT NULL REFERENCES congress (id),
    year             integer      NOT NULL,
    title            varchar(200) NOT NULL,
    seats            integer      NOT NULL CHECK (seats >= 1),
    min_surplus      integer      NOT NULL CHECK (min_surplus >= 0),
    status           varchar(16)  NOT NULL CHECK (status IN ('DRAFT', 'REVIEWED', 'PUBLISHED', 'FROZEN')),
    review_body      varchar(200),
    review_date      date,
    review_reference varchar(100),
    review_note      varchar(1000),
    created_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL
);

CREATE TABLE slate_item (
    slate_id     uuid    NOT NULL REFERENCES slate (id),
    candidate_id uuid    NOT NULL REFERENCES candidate (id),
    position     integer NOT NULL,
    PRIMARY KEY (slate_id, candidate_id),
    CONSTRAINT slate_item_position_key UNIQUE (slate_id, position)
);

-- Bucket4j's shared rate-limit buckets (anonymous proposals per client address).
CREATE TABLE rate_bucket (
    id    varchar(200) PRIMARY KEY,
    state bytea
);

GRANT SELECT, INSERT, UPDATE, DELETE ON solicitation, proposal, candidate, slate, slate_item, rate_bucket TO ${appRole};
