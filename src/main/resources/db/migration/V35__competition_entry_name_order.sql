-- Issue 15: a trade's entries before the ranking (and entries of equal rank) are listed by name in
-- pinyin order: the entry's sort key is its team's name (sortKey) or its contestant's name read
-- with the surname reading (personSortKey), written with the entry. Entries that existed before get
-- theirs from V35_1 (Java: ICU and the surname readings), and until then sort after the others.
ALTER TABLE competition_entry ADD COLUMN name_sort_key VARCHAR(200);
