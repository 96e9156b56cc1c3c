-- Marks the file as a Zhibiao database (ASCII "ZhiB", 0x5A686942; see store::APPLICATION_ID),
-- so that opening another program's SQLite file is refused instead of adding our tables to it.
PRAGMA application_id = 1516792130;
