-- PostgreSQL only (location db/vendor/postgresql). Undoes V3_3's role setting
-- (plan_cache_mode = force_custom_plan for every statement): planning each statement afresh cost
-- 2.7 ms of PostgreSQL's CPU per home page (26 statements) against 0.6 ms of execution. The portal now
-- asks for custom plans only in the transactions whose plans depend on the scope's size (member
-- search, statistics sources: organization.ScopedPlans, SET LOCAL); everywhere else PostgreSQL's
-- default (auto) applies. Reaches connections opened after it.
DO $$
BEGIN
	EXECUTE format('ALTER ROLE %I IN DATABASE %I RESET plan_cache_mode', current_user, current_database());
EXCEPTION WHEN insufficient_privilege THEN
	RAISE NOTICE 'plan_cache_mode not reset: %', SQLERRM;
END
$$;
-- and for the connection that migrates (it goes back to the pool)
RESET plan_cache_mode;
