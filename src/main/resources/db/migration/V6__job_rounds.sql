-- A scheduled job runs once per round across every replica: the replica that records the round
-- first does the work, the others see the row and skip it.
CREATE TABLE job_round (
    job    varchar(32)  NOT NULL,
    round  bigint       NOT NULL,
    ran_by varchar(100) NOT NULL,
    ran_at timestamptz  NOT NULL,
    PRIMARY KEY (job, round)
);

GRANT SELECT, INSERT, DELETE ON job_round TO ${appRole};
