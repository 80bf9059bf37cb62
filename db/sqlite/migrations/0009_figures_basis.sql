-- What each figure counts, and where every value comes from (issue 8).
--
-- * 「约164万余元」 carries both 约 and 余: a qualifier of its own, APPROXIMATE_AT_LEAST. SQLite cannot widen a CHECK
--   in place, so published_figures is rebuilt (no table references it).
-- * Each honours figure stores the statuses it counts (comma-separated HonorStatus values), instead of reading them
--   from its verb: 「推荐认定…享受…待遇」 counts TREATMENT_RECOGNISED, 「推荐13个项目入选」 counts AWARDED.
-- * Every value carries a basis: PUBLISHED (from a source document), OFFICE (entered by the office), DEFAULT (shipped
--   configuration), ESTIMATE (our estimate).
-- * Section labels quote the article's headings in full, as the article writes them (ASCII commas included).

CREATE TABLE published_figures_new (
  id        INTEGER PRIMARY KEY,
  key       TEXT NOT NULL UNIQUE CHECK (key <> ''),
  position  INTEGER NOT NULL,
  section   TEXT NOT NULL CHECK (section <> ''),
  label_zh  TEXT NOT NULL CHECK (label_zh <> ''),
  label_en  TEXT NOT NULL CHECK (label_en <> ''),
  value     REAL NOT NULL CHECK (value >= 0),
  unit      TEXT NOT NULL CHECK (unit <> ''),
  qualifier TEXT NOT NULL CHECK (qualifier IN ('EXACT', 'AT_LEAST', 'APPROXIMATE', 'APPROXIMATE_AT_LEAST')),
  quote     TEXT NOT NULL CHECK (quote <> ''),
  source_id INTEGER NOT NULL REFERENCES source_documents (id),
  metric    TEXT NOT NULL DEFAULT '',
  note_zh   TEXT NOT NULL DEFAULT '',
  statuses  TEXT NOT NULL DEFAULT '',
  basis     TEXT NOT NULL DEFAULT 'PUBLISHED' CHECK (basis IN ('PUBLISHED', 'OFFICE', 'DEFAULT', 'ESTIMATE'))
) STRICT;
INSERT INTO published_figures_new (id, key, position, section, label_zh, label_en, value, unit, qualifier, quote, source_id, metric, note_zh)
  SELECT id, key, position, section, label_zh, label_en, value, unit, qualifier, quote, source_id, metric, note_zh FROM published_figures;
DROP TABLE published_figures;
ALTER TABLE published_figures_new RENAME TO published_figures;
CREATE INDEX published_figures_section ON published_figures (section, position);

-- The seed article's figures, corrected where a database was seeded before this migration.
UPDATE published_figures SET section = CASE section
    WHEN '一、筑牢理想信念根基' THEN '一、高举旗帜、强化武装,筑牢理想信念根基'
    WHEN '二、文明培育入脑入心' THEN '二、价值引领、立德树人,文明培育入脑入心'
    WHEN '三、文明实践汇聚力量' THEN '三、拓面提质、深化内涵,文明实践汇聚力量'
    WHEN '四、文明创建提质增效' THEN '四、围绕中心、服务群众,文明创建提质增效'
    ELSE section END;

UPDATE published_figures SET statuses = 'AWARDED' WHERE key IN ('works_provincial_excellent', 'works_direct_excellent', 'moral_models',
  'china_good_people', 'henan_good_people', 'direct_good_people', 'henan_four_excellent', 'direct_four_excellent',
  'practice_excellent_projects', 'volunteer_typical_cases', 'national_units', 'national_campus', 'provincial_model_units',
  'provincial_model_campus', 'provincial_units', 'provincial_campus', 'direct_demo_windows', 'direct_service_stars');
UPDATE published_figures SET statuses = 'RECOMMENDED' WHERE key IN ('moral_model_candidates', 'provincial_demo_windows', 'provincial_service_stars');
UPDATE published_figures SET statuses = 'TREATMENT_RECOGNISED' WHERE key IN ('treat_national', 'treat_provincial_model', 'treat_provincial');

UPDATE published_figures SET qualifier = 'APPROXIMATE_AT_LEAST',
  note_zh = '原文写作「约164万余元」，兼有「约」与「余」：大约，且至少；记录合计不低于公布数的 95% 即为一致。'
  WHERE key = 'covid_materials' AND qualifier = 'APPROXIMATE';
UPDATE published_figures SET note_zh = '记录为人次：公布的2.9万余名是人数，记录按人次合计，此处核对的是人次，不是人数。' WHERE key = 'covid_volunteers';
UPDATE published_figures SET note_zh = '记录为人次：公布的2.2万余名是人数，记录按人次合计，此处核对的是人次，不是人数。' WHERE key = 'flood_volunteers';
UPDATE published_figures SET note_zh = '按记录关联到的不同县级中心计数（只计已识别的中心），不数目录行数。第158个为“未识别的第158个县级文明实践中心”'
  || '（最可能是2021年3月并入孟津区之前单设的吉利区，未经证实），不计入，故少1个。' WHERE key = 'practice_centres';
UPDATE published_figures SET note_zh = '“四个优秀”指优秀志愿者、优秀志愿服务组织、优秀志愿服务项目、优秀志愿服务社区，'
  || '这四个名称出自河南省学雷锋志愿服务先进典型宣传推选活动，非原文所载；原文每级只给一个合计数，不拆分。'
  WHERE key IN ('henan_four_excellent', 'direct_four_excellent');
UPDATE published_figures SET note_zh = '「推荐…入选」按入选计（已授予），不按推荐计。' WHERE key IN ('practice_excellent_projects', 'volunteer_typical_cases');
UPDATE published_figures SET note_zh = '「推荐认定…享受…待遇」按享受待遇计，不按推荐或获评计。' WHERE key IN ('treat_national', 'treat_provincial_model', 'treat_provincial');

UPDATE published_figures SET label_en = 'National civilised units (provincial-direct)' WHERE key = 'national_units';
UPDATE published_figures SET label_zh = '联系指导文明实践中心的省直文明单位', label_en = 'Provincial-direct civilised units linked to practice centres' WHERE key = 'practice_units';
UPDATE published_figures SET label_zh = '省直志愿服务联合会团体会员', label_en = 'Provincial-direct volunteer federation group members' WHERE key = 'federation_group_members';
UPDATE published_figures SET label_zh = '省直志愿服务联合会个人会员', label_en = 'Provincial-direct volunteer federation individual members' WHERE key = 'federation_individual_members';
UPDATE published_figures SET label_zh = '省直疫情防控志愿者', label_en = 'Provincial-direct COVID-19 response volunteers' WHERE key = 'covid_volunteers';
UPDATE published_figures SET label_en = 'Provincial-direct COVID-19 response service hours' WHERE key = 'covid_hours';
UPDATE published_figures SET label_zh = '省直“7·20”应急志愿者', label_en = 'Provincial-direct 7·20 flood relief volunteers' WHERE key = 'flood_volunteers';
UPDATE published_figures SET label_en = 'Provincial-direct 7·20 flood relief service hours' WHERE key = 'flood_hours';

-- Honour categories: several recipient kinds, editable points with their basis, and a note on scope.
ALTER TABLE honor_categories ADD COLUMN recipient_kinds TEXT NOT NULL DEFAULT '';
ALTER TABLE honor_categories ADD COLUMN weight_basis TEXT NOT NULL DEFAULT 'DEFAULT'
  CHECK (weight_basis IN ('PUBLISHED', 'OFFICE', 'DEFAULT', 'ESTIMATE'));
ALTER TABLE honor_categories ADD COLUMN note_zh TEXT NOT NULL DEFAULT '';
UPDATE honor_categories SET recipient_kinds = recipient_kind;
UPDATE honor_categories SET recipient_kinds = 'PROJECT,PERSON,UNIT',
  note_zh = '“四个优秀”指优秀志愿者、优秀志愿服务组织、优秀志愿服务项目、优秀志愿服务社区，这四个名称出自河南省学雷锋志愿服务先进典型'
  || '宣传推选活动，非原文所载。可授予个人、组织（单位）和项目；社区尚无对应记录类型。原文每级只给一个合计数。'
  WHERE code IN ('HENAN_FOUR_EXCELLENT', 'DIRECT_FOUR_EXCELLENT');

ALTER TABLE ranking_weights ADD COLUMN basis TEXT NOT NULL DEFAULT 'DEFAULT' CHECK (basis IN ('PUBLISHED', 'OFFICE', 'DEFAULT', 'ESTIMATE'));
ALTER TABLE assessment_indicators ADD COLUMN basis TEXT NOT NULL DEFAULT 'DEFAULT' CHECK (basis IN ('PUBLISHED', 'OFFICE', 'DEFAULT', 'ESTIMATE'));
ALTER TABLE targets ADD COLUMN basis TEXT NOT NULL DEFAULT 'OFFICE' CHECK (basis IN ('PUBLISHED', 'OFFICE', 'DEFAULT', 'ESTIMATE'));

ALTER TABLE campaigns ADD COLUMN start_basis TEXT NOT NULL DEFAULT 'OFFICE' CHECK (start_basis IN ('PUBLISHED', 'OFFICE', 'DEFAULT', 'ESTIMATE'));
ALTER TABLE campaigns ADD COLUMN end_basis TEXT NOT NULL DEFAULT 'OFFICE' CHECK (end_basis IN ('PUBLISHED', 'OFFICE', 'DEFAULT', 'ESTIMATE'));
UPDATE campaigns SET start_basis = 'ESTIMATE', end_basis = 'ESTIMATE' WHERE code IN ('COVID19', 'AID_JILIN_SHANGHAI');
UPDATE campaigns SET start_basis = 'PUBLISHED', end_basis = 'ESTIMATE' WHERE code = 'FLOOD720';

ALTER TABLE milestones ADD COLUMN date_basis TEXT NOT NULL DEFAULT 'PUBLISHED' CHECK (date_basis IN ('PUBLISHED', 'OFFICE', 'DEFAULT', 'ESTIMATE'));
UPDATE milestones SET date_basis = 'ESTIMATE' WHERE kind = 'PERIOD' AND date = '2020-01-25';

UPDATE practice_centers SET note = note || '最可能的解释（未经证实）：2021年3月之前，洛阳市吉利区是单设的县级区，之后并入孟津区；'
  || '158个县区的口径若早于合并，则包含吉利区。'
  WHERE identified = 0 AND code = '' AND name = '未识别的第158个县级文明实践中心' AND note NOT LIKE '%吉利区%';
