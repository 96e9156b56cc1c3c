-- A token that changes with every write to what evaluation reads (plans, their tables and
-- indicators, departments, values, targets, settings, successor links), so that statuses
-- evaluated once can be kept until the data under them changes (api::evaluation_cache).
-- Random, not a counter: a write rolled back returns the old token, and a counter would
-- then give the same number to the next, different write.
CREATE TABLE data_version (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    version  INTEGER NOT NULL
);
INSERT INTO data_version(id, version) VALUES (1, random());
CREATE TRIGGER departments_insert_data_version AFTER INSERT ON departments
    BEGIN UPDATE data_version SET version = random(); END;
CREATE TRIGGER departments_update_data_version AFTER UPDATE ON departments
    BEGIN UPDATE data_version SET version = random(); END;
CREATE TRIGGER departments_delete_data_version AFTER DELETE ON departments
    BEGIN UPDATE data_version SET version = random(); END;
CREATE TRIGGER plans_insert_data_version AFTER INSERT ON plans
    BEGIN UPDATE data_version SET version = random(); END;
CREATE TRIGGER plans_update_data_version AFTER UPDATE ON plans
    BEGIN UPDATE data_version SET version = random(); END;
CREATE TRIGGER plans_delete_data_version AFTER DELETE ON plans
    BEGIN UPDATE data_version SET version = random(); END;
CREATE TRIGGER plan_tables_insert_data_version AFTER INSERT ON plan_tables
    BEGIN UPDATE data_version SET version = random(); END;
CREATE TRIGGER plan_tables_update_data_version AFTER UPDATE ON plan_tables
    BEGIN UPDATE data_version SET version = random(); END;
CREATE TRIGGER plan_tables_delete_data_version AFTER DELETE ON plan_tables
    BEGIN UPDATE data_version SET version = random(); END;
CREATE TRIGGER indicators_insert_data_version AFTER INSERT ON indicators
    BEGIN UPDATE data_version SET version = random(); END;
CREATE TRIGGER indicators_update_data_version AFTER UPDATE ON indicators
    BEGIN UPDATE data_version SET version = random(); END;
CREATE TRIGGER indicators_delete_data_version AFTER DELETE ON indicators
    BEGIN UPDATE data_version SET version = random(); END;
CREATE TRIGGER indicator_support_insert_data_version AFTER INSERT ON indicator_support
    BEGIN UPDATE data_version SET version = random(); END;
CREATE TRIGGER indicator_support_update_data_version AFTER UPDATE ON indicator_support
    BEGIN UPDATE data_version SET version = random(); END;
CREATE TRIGGER indicator_support_delete_data_version AFTER DELETE ON indicator_support
    BEGIN UPDATE data_version SET version = random(); END;
CREATE TRIGGER observations_insert_data_version AFTER INSERT ON observations
    BEGIN UPDATE data_version SET version = random(); END;
CREATE TRIGGER observations_update_data_version AFTER UPDATE ON observations
    BEGIN UPDATE data_version SET version = random(); END;
CREATE TRIGGER observations_delete_data_version AFTER DELETE ON observations
    BEGIN UPDATE data_version SET version = random(); END;
CREATE TRIGGER target_revisions_insert_data_version AFTER INSERT ON target_revisions
    BEGIN UPDATE data_version SET version = random(); END;
CREATE TRIGGER target_revisions_update_data_version AFTER UPDATE ON target_revisions
    BEGIN UPDATE data_version SET version = random(); END;
CREATE TRIGGER target_revisions_delete_data_version AFTER DELETE ON target_revisions
    BEGIN UPDATE data_version SET version = random(); END;
CREATE TRIGGER annual_targets_insert_data_version AFTER INSERT ON annual_targets
    BEGIN UPDATE data_version SET version = random(); END;
CREATE TRIGGER annual_targets_update_data_version AFTER UPDATE ON annual_targets
    BEGIN UPDATE data_version SET version = random(); END;
CREATE TRIGGER annual_targets_delete_data_version AFTER DELETE ON annual_targets
    BEGIN UPDATE data_version SET version = random(); END;
CREATE TRIGGER settings_insert_data_version AFTER INSERT ON settings
    BEGIN UPDATE data_version SET version = random(); END;
CREATE TRIGGER settings_update_data_version AFTER UPDATE ON settings
    BEGIN UPDATE data_version SET version = random(); END;
CREATE TRIGGER settings_delete_data_version AFTER DELETE ON settings
    BEGIN UPDATE data_version SET version = random(); END;
CREATE TRIGGER indicator_links_insert_data_version AFTER INSERT ON indicator_links
    BEGIN UPDATE data_version SET version = random(); END;
CREATE TRIGGER indicator_links_update_data_version AFTER UPDATE ON indicator_links
    BEGIN UPDATE data_version SET version = random(); END;
CREATE TRIGGER indicator_links_delete_data_version AFTER DELETE ON indicator_links
    BEGIN UPDATE data_version SET version = random(); END;
