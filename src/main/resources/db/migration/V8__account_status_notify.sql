-- Every replica keeps whether an account is enabled in memory, for the per-request check of a
-- token's account. Any change to that, by the service or by hand in SQL, tells every replica.
CREATE FUNCTION account_status_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('account', OLD.id::text);
    RETURN NULL;
END $$;

CREATE TRIGGER account_status_changed AFTER UPDATE OF enabled OR DELETE ON account
    FOR EACH ROW EXECUTE FUNCTION account_status_changed();
