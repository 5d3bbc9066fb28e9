-- Foundation: congresses (tenants), deputies, accounts, login throttling, audit chain.
-- Runs as the schema owner; the application role (${appRole}) gets row access only.

CREATE TABLE congress (
    id          uuid         PRIMARY KEY,
    code        varchar(32)  NOT NULL,
    name        varchar(200) NOT NULL,
    level       varchar(16)  NOT NULL CHECK (level IN ('TOWNSHIP', 'STREET', 'COUNTY', 'CITY', 'PROVINCE')),
    created_at  timestamptz  NOT NULL,
    CONSTRAINT congress_code_key UNIQUE (code)
);

CREATE TABLE deputy (
    id          uuid         PRIMARY KEY,
    congress_id uuid         NOT NULL REFERENCES congress (id),
    code        varchar(32)  NOT NULL,
    name        varchar(100) NOT NULL,
    delegation  varchar(100),
    district    varchar(100),
    status      varchar(16)  NOT NULL CHECK (status IN ('SEATED', 'ON_LEAVE', 'TERMINATED')),
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    CONSTRAINT deputy_code_key UNIQUE (congress_id, code)
);
CREATE INDEX deputy_congress_name_idx ON deputy (congress_id, name);

CREATE TABLE account (
    id            uuid         PRIMARY KEY,
    congress_id   uuid         REFERENCES congress (id),
    username      varchar(64)  NOT NULL,
    password_hash varchar(100) NOT NULL,
    role          varchar(16)  NOT NULL CHECK (role IN ('admin', 'secretariat', 'deputy', 'scrutineer', 'department')),
    display_name  varchar(100),
    deputy_id     uuid         REFERENCES deputy (id),
    enabled       boolean      NOT NULL,
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL,
    -- only the platform admin lives outside a congress
    CONSTRAINT account_admin_tenant_check CHECK ((role = 'admin') = (congress_id IS NULL)),
    CONSTRAINT account_deputy_link_check CHECK (role <> 'deputy' OR deputy_id IS NOT NULL)
);
CREATE UNIQUE INDEX account_username_key
    ON account (coalesce(congress_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(username));
CREATE UNIQUE INDEX account_deputy_key ON account (deputy_id, role) WHERE deputy_id IS NOT NULL;

-- Failed logins, per account and per client address; shared by every replica.
CREATE TABLE login_throttle (
    key              varchar(200) PRIMARY KEY,
    failures         integer      NOT NULL,
    window_starts_at timestamptz  NOT NULL,
    locked_until     timestamptz
);

-- One hash chain per congress (the nil uuid is the platform's own chain).
CREATE TABLE audit_chain (
    chain_id  uuid        PRIMARY KEY,
    last_seq  bigint      NOT NULL,
    head_hash varchar(64) NOT NULL
);

CREATE TABLE audit_entry (
    chain_id     uuid         NOT NULL,
    seq          bigint       NOT NULL,
    at           timestamptz  NOT NULL,
    actor        varchar(100) NOT NULL,
    action       varchar(64)  NOT NULL,
    subject_type varchar(32)  NOT NULL,
    subject_id   varchar(64)  NOT NULL,
    details      text         NOT NULL,
    prev_hash    varchar(64)  NOT NULL,
    hash         varchar(64)  NOT NULL,
    PRIMARY KEY (chain_id, seq)
);

GRANT USAGE ON SCHEMA public TO ${appRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON congress, deputy, account, login_throttle TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON audit_chain TO ${appRole};
-- The audit log is append-only for the application.
GRANT SELECT, INSERT ON audit_entry TO ${appRole};
