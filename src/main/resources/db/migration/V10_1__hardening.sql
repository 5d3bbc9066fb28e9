-- Hardening (issue 17).

-- 1. Tokens issued before a password or role change stop working, on every replica, as disabling does:
-- the account remembers from which second its tokens are valid, and every replica hears of the change.
ALTER TABLE account ADD COLUMN tokens_valid_from timestamptz NOT NULL DEFAULT '-infinity';

CREATE FUNCTION account_revokes_tokens() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.password_hash IS DISTINCT FROM OLD.password_hash OR NEW.role IS DISTINCT FROM OLD.role THEN
        NEW.tokens_valid_from := date_trunc('second', statement_timestamp());
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER account_revokes_tokens BEFORE UPDATE OF password_hash, role ON account
    FOR EACH ROW EXECUTE FUNCTION account_revokes_tokens();

DROP TRIGGER account_status_changed ON account;
CREATE TRIGGER account_status_changed AFTER UPDATE OF enabled, password_hash, role, tokens_valid_from OR DELETE ON account
    FOR EACH ROW EXECUTE FUNCTION account_status_changed();

-- 2. States only move forward, whoever writes: a closed ballot cannot be reopened (and then have its
-- content or participation changed), a closed session cannot be reopened, and only a draft ballot or a
-- planned session can be deleted. The service's role cannot drop or disable these triggers (it owns nothing).
-- One guard for both tables: TG_ARGV[0] is the only state a row may be deleted in, each further
-- argument an allowed step 'FROM>TO'.
CREATE FUNCTION state_moves_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.status <> TG_ARGV[0] THEN
            RAISE EXCEPTION '% % is %: it cannot be deleted', TG_TABLE_NAME, OLD.id, OLD.status
                USING ERRCODE = 'P0001', CONSTRAINT = 'state_moves_forward';
        END IF;
        RETURN OLD;
    END IF;
    IF NEW.status = OLD.status OR (OLD.status || '>' || NEW.status) = ANY (TG_ARGV[1:]) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '% % cannot go from % back to %', TG_TABLE_NAME, OLD.id, OLD.status, NEW.status
        USING ERRCODE = 'P0001', CONSTRAINT = 'state_moves_forward';
END $$;

CREATE TRIGGER ballot_moves_forward BEFORE UPDATE OF status OR DELETE ON ballot
    FOR EACH ROW EXECUTE FUNCTION state_moves_forward('DRAFT', 'DRAFT>OPEN', 'OPEN>CLOSING', 'OPEN>CLOSED', 'CLOSING>CLOSED');
CREATE TRIGGER session_moves_forward BEFORE UPDATE OF status OR DELETE ON session
    FOR EACH ROW EXECUTE FUNCTION state_moves_forward('PLANNED', 'PLANNED>OPEN', 'OPEN>CLOSED');

-- a published result cannot be made COUNTED again either (published_result_is_final refuses any change)

-- 3. A cast retried after close learns that it was counted. The closing transaction moves each
-- electronic cast's sealed receipt here, without the deputy and in random order: the row says only
-- "someone holding this Idempotency-Key cast this body"; the receipt inside is encrypted under a key
-- derived from the Idempotency-Key, which the server never stores.
CREATE TABLE counted_receipt (
    ballot_id   uuid        NOT NULL REFERENCES ballot (id),
    key_hash    varchar(64) NOT NULL,
    body_mac    varchar(64) NOT NULL,
    receipt_enc bytea       NOT NULL,
    PRIMARY KEY (ballot_id, key_hash)
);
GRANT SELECT, INSERT ON counted_receipt TO ${appRole};
