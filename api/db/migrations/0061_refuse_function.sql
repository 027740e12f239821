-- Hand-written: a statement's way to refuse and roll itself back. A resident's input is stored
-- in one statement (db/all-or-nothing.ts, services/submissions.ts) that checks, in the same snapshot, that
-- the consultation is as the input was checked against and that its proof of work is fresh;
-- when either fails it calls this, and the error undoes every insert of the statement.
-- VOLATILE, never IMMUTABLE or STABLE: the planner would then call it while planning, with the
-- reason as a constant, and every statement would refuse.
CREATE FUNCTION "podium_refuse"(reason text) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'PD001', MESSAGE = reason;
END
$$;
