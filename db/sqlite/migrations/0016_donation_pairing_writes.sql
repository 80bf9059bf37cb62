-- Donations and 结对帮创 pairings become writable like the other records: a version for optimistic concurrency.
-- The recycle bin and the audit log need no change (they key on the entity's name). No natural key is added to
-- donations: one unit may give twice to one campaign on one day (a staff collection and a special Party fee), and
-- a unique index would refuse the second real gift. Pairings keep their UNIQUE (unit_id, township) of 0001.

ALTER TABLE donations ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE pairings ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);

-- A pairing cannot be deleted while a wish still names it; this index serves that check.
CREATE INDEX IF NOT EXISTS wishes_pairing ON wishes (pairing_id) WHERE pairing_id IS NOT NULL;
