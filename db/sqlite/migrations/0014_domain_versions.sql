-- A data version per domain (db.Domain), beside the total 'data_version' that every write still bumps and that the
-- live broker and ETags keep using. A write sets the counters of the domains it changed to the new total, in the
-- same transaction, so each domain's version is the total as of its last write: a cached answer that read only
-- honours survives a volunteer record. The counters start at the current total.
INSERT INTO meta (key, value)
SELECT 'data_version.' || d.name, (SELECT value FROM meta WHERE key = 'data_version')
FROM (SELECT 'units' AS name UNION ALL SELECT 'honors' UNION ALL SELECT 'volunteer' UNION ALL SELECT 'practice'
      UNION ALL SELECT 'assessments' UNION ALL SELECT 'plans' UNION ALL SELECT 'article' UNION ALL SELECT 'catalogue') d;
