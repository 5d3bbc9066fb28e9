-- Rule sets (票决办法): a congress keeps named sets of ballot rules with their wording for the public.
-- A set is adopted by the published, passed result of a MOTION ballot that names it; from then on
-- it is final, and ballots are created from it (ballot.rule_set_id records which).
CREATE TABLE rule_set (
    id                   uuid         PRIMARY KEY,
    congress_id          uuid         NOT NULL REFERENCES congress (id),
    name                 varchar(200) NOT NULL,
    kind                 varchar(16)  NOT NULL CHECK (kind IN ('SELECTION', 'EVALUATION', 'MOTION')),
    -- the rule fields of a ballot's create request, as JSON
    rules                text         NOT NULL,
    -- the 办法's wording, read by the public with every result made under it
    text                 text         NOT NULL,
    status               varchar(16)  NOT NULL CHECK (status IN ('DRAFT', 'ADOPTED')),
    adopted_by_ballot_id uuid         REFERENCES ballot (id),
    adopted_at           timestamptz,
    created_at           timestamptz  NOT NULL,
    updated_at           timestamptz  NOT NULL,
    CONSTRAINT rule_set_name_key UNIQUE (congress_id, name),
    CONSTRAINT rule_set_adopted_check CHECK ((status = 'ADOPTED') = (adopted_by_ballot_id IS NOT NULL AND adopted_at IS NOT NULL))
);

-- An adopted set is final.
CREATE FUNCTION adopted_rule_set_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'ADOPTED' THEN
        RAISE EXCEPTION 'rule set % is adopted and final', OLD.id USING ERRCODE = 'check_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER adopted_rule_set_is_final BEFORE UPDATE OR DELETE ON rule_set
    FOR EACH ROW EXECUTE FUNCTION adopted_rule_set_is_final();

-- the set a ballot was created from; the set a MOTION ballot adopts when its result passes
ALTER TABLE ballot ADD COLUMN rule_set_id uuid REFERENCES rule_set (id);
ALTER TABLE ballot ADD COLUMN adopts_rule_set_id uuid REFERENCES rule_set (id);
ALTER TABLE ballot ADD CONSTRAINT ballot_adopts_rule_set_check CHECK (adopts_rule_set_id IS NULL OR kind = 'MOTION');

GRANT SELECT, INSERT, UPDATE ON rule_set TO ${appRole};
