-- PostgreSQL only (location db/vendor/postgresql). Plan every statement for its actual parameters.
-- After five executions the JDBC driver's prepared statements may switch to a generic plan, which
-- cannot know whether the scope is one union or the whole federation (4,990 organizations) nor which
-- name prefix is searched: member searches then take 50 ms and more instead of 1-10 ms
-- (docs/benchmarks.md). Applies to this database and the role the portal connects as, to new
-- connections; planning costs well under a millisecond per statement.
DO $$
BEGIN
	EXECUTE format('ALTER ROLE %I IN DATABASE %I SET plan_cache_mode = force_custom_plan', current_user,
			current_database());
EXCEPTION WHEN insufficient_privilege THEN
	-- a role that may not change its own defaults: searches stay correct, only slower
	RAISE NOTICE 'plan_cache_mode not set: %', SQLERRM;
END
$$;
