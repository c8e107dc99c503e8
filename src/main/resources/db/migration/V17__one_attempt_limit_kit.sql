-- The per-address login allowance and the per-user exact-search allowance now count in
-- attempt_counter (shared/limits/AttemptLimits, limits 'login-address' and 'member-exact-search').
-- Their own tables go. Their counts are not carried over: they held at most one window
-- (15 minutes, one hour) and their windows do not line up with the kit's fixed ones, so an
-- upgrade starts those allowances afresh once.
DROP TABLE login_address_attempt;
DROP TABLE member_exact_search_allowance;
