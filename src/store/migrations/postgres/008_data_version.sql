-- A token that changes with every write to what evaluation reads (plans, their tables and
-- indicators, departments, values, targets, settings, successor links), so that statuses
-- evaluated once can be kept until the data under them changes (api::evaluation_cache).
-- Random, not a counter: a write rolled back returns the old token, and a counter would
-- then give the same number to the next, different write.
CREATE TABLE data_version (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    version  BIGINT NOT NULL
);
INSERT INTO data_version(id, version) VALUES (1, floor(random() * 9007199254740991)::bigint);

-- Runs at commit (deferred), once per transaction: the one row is locked only while the
-- transaction commits, so two writers never wait on each other holding other rows (no
-- deadlock), and a bulk copy does not rewrite the row once per copied row.
CREATE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('zhibiao.data_version_bumped', true) IS DISTINCT FROM 'y' THEN
        PERFORM set_config('zhibiao.data_version_bumped', 'y', true);
        UPDATE data_version SET version = floor(random() * 9007199254740991)::bigint;
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER departments_data_version AFTER INSERT OR UPDATE OR DELETE ON departments
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump();
CREATE CONSTRAINT TRIGGER plans_data_version AFTER INSERT OR UPDATE OR DELETE ON plans
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump();
CREATE CONSTRAINT TRIGGER plan_tables_data_version AFTER INSERT OR UPDATE OR DELETE ON plan_tables
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump();
CREATE CONSTRAINT TRIGGER indicators_data_version AFTER INSERT OR UPDATE OR DELETE ON indicators
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump();
CREATE CONSTRAINT TRIGGER indicator_support_data_version AFTER INSERT OR UPDATE OR DELETE ON indicator_support
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump();
CREATE CONSTRAINT TRIGGER observations_data_version AFTER INSERT OR UPDATE OR DELETE ON observations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump();
CREATE CONSTRAINT TRIGGER target_revisions_data_version AFTER INSERT OR UPDATE OR DELETE ON target_revisions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump();
CREATE CONSTRAINT TRIGGER annual_targets_data_version AFTER INSERT OR UPDATE OR DELETE ON annual_targets
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump();
CREATE CONSTRAINT TRIGGER settings_data_version AFTER INSERT OR UPDATE OR DELETE ON settings
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump();
CREATE CONSTRAINT TRIGGER indicator_links_data_version AFTER INSERT OR UPDATE OR DELETE ON indicator_links
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump();
