-- PostgreSQL has no application_id: the mark is the zhibiao_schema table the migration
-- runner keeps (created before step 1). This step is empty so both backends count the same.
SELECT 1;
