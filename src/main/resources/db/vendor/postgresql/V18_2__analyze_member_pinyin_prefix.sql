-- PostgreSQL only (location db/vendor/postgresql). Statistics for the table V18 filled (millions of
-- rows at the federation's size) before the first pinyin search plans with it, instead of waiting
-- for autovacuum: without them the planner cannot tell how many members a prefix matches.
ANALYZE member_pinyin_prefix;
