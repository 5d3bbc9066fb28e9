-- Seated and present, in one place, owned by the session: a deputy may cast in a session's ballots
-- when they are seated in it (应到, the roster snapshot taken at opening), recorded PRESENT, and still
-- in office (SEATED, not suspended or terminated since). The cast statement admits a participation
-- row only where refusal IS NULL, and a refused cast is explained by the same row, so the rule and
-- its explanation cannot drift apart. Always exactly one row; refusal is the first rule broken.
-- A single STABLE SELECT, so the planner inlines it into the cast statement (no extra round trip).
CREATE FUNCTION session_standing(p_session uuid, p_deputy uuid)
RETURNS TABLE (seated boolean, state varchar, in_office boolean, refusal text)
LANGUAGE sql STABLE AS $$
    SELECT s.deputy_id IS NOT NULL,
           a.state,
           coalesce(d.status = 'SEATED', false),
           CASE WHEN s.deputy_id IS NULL THEN 'NOT_SEATED'
                WHEN a.state IS DISTINCT FROM 'PRESENT' THEN 'NOT_PRESENT'
                WHEN d.status IS DISTINCT FROM 'SEATED' THEN 'DEPUTY_NOT_IN_OFFICE' END
    FROM (VALUES (p_session, p_deputy)) k (session_id, deputy_id)
    LEFT JOIN session_seat s ON s.session_id = k.session_id AND s.deputy_id = k.deputy_id
    LEFT JOIN attendance a ON a.session_id = k.session_id AND a.deputy_id = k.deputy_id
    LEFT JOIN deputy d ON d.id = k.deputy_id
$$;

GRANT EXECUTE ON FUNCTION session_standing(uuid, uuid) TO ${appRole};
