-- The rights `connectage sync` needs at a site, and no more (docs/multi-centre.md).
-- Run as the role that owns the trial database, after the owner's first sync created the schema.
-- Replace CHANGE-ME with a long random password, given to the site in its ~/.pgpass (mode 600).
CREATE ROLE connectage_site LOGIN PASSWORD 'CHANGE-ME';
GRANT CONNECT ON DATABASE trial TO connectage_site;
GRANT USAGE ON SCHEMA public TO connectage_site;
-- Read what the schema check and the comparison of rows need; write rows, never the schema.
GRANT SELECT ON ALL TABLES IN SCHEMA public TO connectage_site;
GRANT INSERT, UPDATE, DELETE ON study, participant, participant_group, group_member, session, trial, recording,
  answer_measures, coder, answer_revision, attendance, transcript_file TO connectage_site;
-- Append-only tables: insert only (triggers refuse changes even to the owner).
GRANT INSERT ON event, memory_coding, reviewed_transcript, reviewed_timing, consensus TO connectage_site;
GRANT INSERT, UPDATE ON connectage_sync_run TO connectage_site;
-- The first sync of a site records which installation holds its code.
GRANT INSERT ON connectage_site TO connectage_site;
GRANT USAGE ON SEQUENCE connectage_sync_run_id_seq TO connectage_site;
