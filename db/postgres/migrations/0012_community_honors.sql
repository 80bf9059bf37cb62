-- 「四个优秀」 先进典型 are 优秀志愿者、优秀志愿服务组织、优秀志愿服务项目、优秀志愿服务社区 (the provincial 学雷锋
-- scheme): persons, organisations, projects and communities. A community has no record table, so a COMMUNITY honour
-- carries only its recipient name and no record id.
-- PostgreSQL translation of db/sqlite/migrations/0012_community_honors.sql. PostgreSQL alters a CHECK in place, so
-- honors is not rebuilt: its indexes and rollup triggers stay as they are.

ALTER TABLE honors DROP CONSTRAINT honors_recipient_kind_check;
ALTER TABLE honors ADD CONSTRAINT honors_recipient_kind_check
  CHECK (recipient_kind IN ('UNIT', 'CAMPUS', 'PERSON', 'PROJECT', 'WORK', 'WINDOW', 'COMMUNITY'));

ALTER TABLE honors DROP CONSTRAINT honors_recipient_check;
ALTER TABLE honors ADD CONSTRAINT honors_recipient_check
  CHECK ((recipient_kind IN ('UNIT', 'CAMPUS', 'WINDOW') AND unit_id IS NOT NULL)
      OR (recipient_kind = 'PERSON' AND person_id IS NOT NULL)
      OR (recipient_kind = 'PROJECT' AND project_id IS NOT NULL)
      OR (recipient_kind = 'WORK' AND work_id IS NOT NULL)
      OR (recipient_kind = 'COMMUNITY' AND unit_id IS NULL AND person_id IS NULL AND project_id IS NULL AND work_id IS NULL));

-- honors_natural_key (0008) already falls back to recipient_name for a kind without a record, so that two
-- COMMUNITY honours of one community, category, year and edition collide; it is checked here rather than rebuilt.
DO $$
BEGIN
  IF pg_get_indexdef('honors_natural_key'::regclass) !~ 'ELSE\s+recipient_name\s+END' THEN
    RAISE EXCEPTION 'honors_natural_key does not fall back to recipient_name: %', pg_get_indexdef('honors_natural_key'::regclass);
  END IF;
END $$;

-- The 四个优秀 categories accept communities too; their note keeps saying where the four names come from, and that
-- the article gives one total per level.
UPDATE honor_categories SET recipient_kinds = 'PROJECT,PERSON,UNIT,COMMUNITY',
  note_zh = '“四个优秀”指优秀志愿者、优秀志愿服务组织、优秀志愿服务项目、优秀志愿服务社区，这四个名称出自河南省学雷锋志愿服务先进典型'
  || '宣传推选活动，非原文所载。可授予个人、组织（单位）、项目和社区（社区无记录表，只登记名称）。原文每级只给一个合计数。'
  WHERE code IN ('HENAN_FOUR_EXCELLENT', 'DIRECT_FOUR_EXCELLENT');
