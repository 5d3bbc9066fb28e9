-- 政府办、人大评: projects from published selections, plans, milestones, progress and evidence,
-- the status light, supervision groups, inspections, the issue list, decisions, evaluations.

ALTER TABLE account ADD COLUMN department varchar(100);

CREATE TABLE project (
    id             uuid           PRIMARY KEY,
    congress_id    uuid           NOT NULL REFERENCES congress (id),
    candidate_id   uuid           REFERENCES candidate (id),
    ballot_id      uuid           REFERENCES ballot (id),
    parent_id      uuid           REFERENCES project (id),
    carried_from   uuid           REFERENCES project (id),
    year           integer        NOT NULL,
    title          varchar(200)   NOT NULL,
    category       varchar(32),
    department     varchar(100)   NOT NULL,
    lead_official  varchar(100),
    budget_planned numeric(14, 2) CHECK (budget_planned >= 0),
    budget_spent   numeric(14, 2) CHECK (budget_spent >= 0),
    targets        varchar(4000),
    starts_on      date,
    ends_on        date,
    planned_years  integer        NOT NULL CHECK (planned_years BETWEEN 1 AND 10),
    stage_year     integer        NOT NULL CHECK (stage_year >= 1),
    stage_targets  text           NOT NULL,
    weight         integer        NOT NULL CHECK (weight >= 1),
    status         varchar(16)    NOT NULL CHECK (status IN ('IN_PROGRESS', 'SUSPENDED', 'TERMINATED', 'RECTIFYING',
                                                          'CLOSED', 'CARRIED_OVER')),
    light          varchar(8)     NOT NULL CHECK (light IN ('GREEN', 'AMBER', 'RED')),
    progress       numeric(5, 2)  NOT NULL CHECK (progress BETWEEN 0 AND 100),
    created_at     timestamptz    NOT NULL,
    updated_at     timestamptz    NOT NULL,
    CONSTRAINT project_origin_key UNIQUE (ballot_id, candidate_id),
    CONSTRAINT project_dates_check CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX project_congress_idx ON project (congress_id, year);

CREATE TABLE milestone (
    id         uuid          PRIMARY KEY,
    project_id uuid          NOT NULL REFERENCES project (id),
    title      varchar(200)  NOT NULL,
    due_on     date          NOT NULL,
    weight     integer       NOT NULL CHECK (weight BETWEEN 1 AND 1000),
    progress   numeric(5, 2) NOT NULL CHECK (progress BETWEEN 0 AND 100),
    created_at timestamptz   NOT NULL
);
CREATE INDEX milestone_project_idx ON milestone (project_id);

CREATE TABLE evidence (
    id           uuid         PRIMARY KEY,
    project_id   uuid         NOT NULL REFERENCES project (id),
    content_type varchar(64)  NOT NULL,
    size         integer      NOT NULL CHECK (size > 0),
    filename     varchar(200),
    data         bytea        NOT NULL,
    uploaded_by  uuid         NOT NULL REFERENCES account (id),
    uploaded_at  timestamptz  NOT NULL
);

CREATE TABLE progress_report (
    id           uuid          PRIMARY KEY,
    project_id   uuid          NOT NULL REFERENCES project (id),
    milestone_id uuid          NOT NULL REFERENCES milestone (id),
    percent      numeric(5, 2) NOT NULL CHECK (percent BETWEEN 0 AND 100),
    previous     numeric(5, 2) NOT NULL,
    note         varchar(2000),
    reason       varchar(1000),
    evidence_ids text          NOT NULL,
    reported_by  uuid          NOT NULL REFERENCES account (id),
    reported_at  timestamptz   NOT NULL
);

CREATE TABLE supervisor (
    project_id uuid NOT NULL REFERENCES project (id),
    deputy_id  uuid NOT NULL REFERENCES deputy (id),
    PRIMARY KEY (project_id, deputy_id)
);

CREATE TABLE inspection (
    id           uuid          PRIMARY KEY,
    project_id   uuid          NOT NULL REFERENCES project (id),
    inspected_on date          NOT NULL,
    participants text          NOT NULL,
    findings     varchar(4000) NOT NULL,
    evidence_ids text          NOT NULL,
    recorded_by  uuid          NOT NULL REFERENCES account (id),
    created_at   timestamptz   NOT NULL
);

CREATE TABLE project_issue (
    id           uuid          PRIMARY KEY,
    project_id   uuid          NOT NULL REFERENCES project (id),
    title        varchar(200)  NOT NULL,
    description  varchar(4000) NOT NULL,
    status       varchar(16)   NOT NULL CHECK (status IN ('OPEN', 'ANSWERED', 'CLOSED')),
    raised_by    uuid          NOT NULL REFERENCES deputy (id),
    raised_at    timestamptz   NOT NULL,
    answer_due   date          NOT NULL,
    answer       varchar(4000),
    answered_at  timestamptz,
    closed_at    timestamptz,
    closing_note varchar(2000),
    reopened     integer       NOT NULL
);

CREATE TABLE decision (
    id          uuid          PRIMARY KEY,
    project_id  uuid          NOT NULL REFERENCES project (id),
    kind        varchar(16)   NOT NULL CHECK (kind IN ('CHANGE', 'SUSPEND', 'RESUME', 'TERMINATE')),
    body        varchar(200)  NOT NULL,
    decided_on  date          NOT NULL,
    reference   varchar(100),
    summary     varchar(4000) NOT NULL,
    created_at  timestamptz   NOT NULL
);

CREATE TABLE evaluation (
    project_id        uuid        NOT NULL REFERENCES project (id),
    ballot_id         uuid        NOT NULL REFERENCES ballot (id),
    outcome           varchar(24) NOT NULL CHECK (outcome IN ('SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED')),
    satisfaction_rate varchar(32),
    recorded_at       timestamptz NOT NULL,
    PRIMARY KEY (project_id, ballot_id)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON project, milestone, evidence, progress_report, supervisor, inspection,
    project_issue, decision, evaluation TO ${appRole};
