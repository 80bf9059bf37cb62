package db

import (
	"fmt"
	"strings"
	"unicode"
)

// messagesEn maps every Chinese message format used with Errorf, FieldErrorf, ImportErrorf and the HTTP layer's
// helpers to its English, with the same verbs in the same order; TestMessagesHaveEnglish keeps it complete.
var messagesEn = map[string]string{
	// Idempotency keys of writes.
	"同一幂等键的请求正在处理或刚刚完成，请稍后重试": "A request with this idempotency key is running or has just finished; try again shortly",
	"幂等键不存在": "No such idempotency key",
	"幂等键须为 1 至 %d 个可打印的 ASCII 字符":                     "An idempotency key is 1 to %d printable ASCII characters",
	"该幂等键已用于另一次写入（操作 %s）；每次不同的写入须用新的幂等键":              "This idempotency key was used for another write (operation %s); each different write needs a new key",
	"这次写入已经生效，但当时的应答没有保存下来（例如服务在应答前中断）；数据只写入了一次，无需重试": "This write took effect, but its answer was not stored (the service stopped before answering); the data was written once, and there is no need to retry",
	"无法计算请求的指纹：%v": "Cannot fingerprint the request: %v",
	// Yearly reporting: what units enter, review comments, approval locks.
	"本任务不要求上报此项内容":        "This task does not ask for this",
	"一次上报最多 %d 条，收到 %d 条": "A report holds at most %d items of a kind; got %d",
	"日期 %s 不在任务年度 %d 内":   "Date %s is not in the task's year %d",
	"第 %d 条为空":            "Item %d is empty",
	"说明不能超过 %d 个字":        "The explanation cannot exceed %d characters",
	"电话号码只能包含数字、空格、“-”和“+”，最多 20 位：%q": "A phone number holds only digits, spaces, \"-\" and \"+\", at most 20: %q",
	"意见不能为空":       "The comment cannot be empty",
	"意见不能超过 %d 个字": "A comment cannot exceed %d characters",
	"字段路径过长":       "The field path is too long",
	"第 %d 行要修改的%s来自已审核通过的上报，已锁定；须管理员重新打开该单位的上报后才能导入": "Row %d would change a %s that an approved report locked; an admin must reopen the unit's report before it can be imported",
	"该%s来自已审核通过的上报（%s），已锁定；须管理员重新打开该单位的上报后才能修改":      "This %s comes from an approved report (%s) and is locked; an admin must reopen the unit's report before it can change",
	"该单位尚未上报，没有可提意见的版本":                              "The unit has not submitted yet; there is no version to comment on",
	"还没有填写任何内容，不能上报":                                 "Nothing has been entered yet, so there is nothing to submit",
	"第 %d 次上报已撤回或不存在，不能审核通过":                         "Round %d was withdrawn or does not exist and cannot be approved",
	"专项行动不存在：%s":              "No such campaign: %s",
	"保存草稿请使用 saveReportDraft": "Save a draft with saveReportDraft",
	"审核的是第 %d 次上报，但该单位最新的是第 %d 次，请刷新后重试": "You reviewed round %d, but the unit's latest is round %d; refresh and try again",
	"只能填报本单位的记录，该行是其他单位的":                "A unit reports only its own records; this row is another unit's",
	"草稿只能导入志愿服务记录或文明实践活动：%s":             "A draft can be filled only from volunteer records or practice activities: %s",
	"与第 %d 条是同一条记录（日期、类型相同），请合并":         "This is the same record as item %d (same date and kind); merge them",
	"上报前请说明：%s（%s）":                      "Explain before submitting: %s (%s)",
	"说明须指明所针对的字段":                        "An explanation must name the field it is about",
	"文件为空":                               "The file is empty",
	"文件过大（上限 %d MB）":                     "The file is too large (at most %d MB)",
	"只能上传 JPEG、PNG 图片，PDF 或 XLSX 文件":     "Only JPEG or PNG pictures, PDF or XLSX files can be attached",
	"本单位上报的附件合计不能超过 %d MB":               "A unit's report holds at most %d MB of files",
	"附件不存在": "No such file",
	"“%s”未匹配任何记录，将按社区登记；是否为“%s”的笔误？": "“%s” matches no record and is registered as a community; is it a typo for “%s”?",
	"审核通过须指明所审核的上报轮次":                "An approval must name the round it approves",
	// Backups, restores and the database file at start-up (db/sqlite/backup.go, db/postgres/backup.go).
	"磁盘已满，数据库无法写入；本次操作未写入任何内容。请腾出磁盘空间后重试。":                                           "The disk is full and the database cannot be written; nothing of this operation was written. Free some disk space and try again.",
	"请指定 metric（进度指标，如 HONORS_TOTAL）。":                                               "Name a metric (a progress metric such as HONORS_TOTAL).",
	"数据库文件 %s 未通过完整性检查（integrity_check）：%s":                                          "The database file %s failed its integrity check (integrity_check): %s",
	"无法读取数据库文件 %s：%v":                                                                "Cannot read the database file %s: %v",
	"数据库路径 %s 是一个目录，而不是文件。":                                                          "The database path %s is a directory, not a file.",
	"数据库文件 %s 已损坏或不是 SQLite 数据库（文件头无效）。请从备份恢复：wenming restore --from 备份文件 --db %s":   "The database file %s is damaged or not a SQLite database (invalid header). Restore it from a backup: wenming restore --from BACKUP --db %s",
	"数据库文件 %s 被截断：文件头记载 %d 字节，实际只有 %d 字节。请从备份恢复：wenming restore --from 备份文件 --db %s": "The database file %s is truncated: its header says %d bytes, but it has only %d. Restore it from a backup: wenming restore --from BACKUP --db %s",
	"数据库文件 %s 已损坏或不是 SQLite 数据库（%v）。请从备份恢复：wenming restore --from 备份文件 --db %s":      "The database file %s is damaged or not a SQLite database (%v). Restore it from a backup: wenming restore --from BACKUP --db %s",
	"无法打开数据库文件 %s（%v）：请检查路径和权限。":                                                     "Cannot open the database file %s (%v): check the path and its permissions.",
	"数据库文件 %s 不见了（已被删除或移走）：%v":                                                       "The database file %s is gone (deleted or moved): %v",
	"数据库文件 %s 已被另一个文件替换；请重启服务。":                                                      "The database file %s was replaced by another file; restart the server.",
	"数据库文件 %s 不存在：%v":                                                                "The database file %s does not exist: %v",
	"备份文件 %s 已存在；请换一个文件名，或先删除它。":                                                     "The backup file %s exists already; choose another name, or delete it first.",
	"无法在 %s 写入备份：%v":                                                                 "Cannot write the backup in %s: %v",
	"备份文件 %s 不存在或为空。":                                                                "The backup file %s does not exist or is empty.",
	"%s 的汇总与记录不一致：%v":                                                                "The totals of %s disagree with its records: %v",
	// Unit reporters (db/reporters.go, db/accounts.go).
	"单位填报员须绑定一个单位：请用“新增单位填报员”创建": "A unit reporter is bound to a unit: create one with \"New unit reporter\"",
	"不能把已有账号改为单位填报员：请新建单位填报员账号":  "An existing account cannot become a unit reporter: create a unit reporter account",
	"单位填报员须绑定一个单位":               "A unit reporter must be bound to a unit",
	"请先修改初始密码。":                  "Change your one-time password first.",
	"单位填报员不能进行此操作。":              "Unit reporters cannot do this.",
	"单位不存在":                        "No such unit",
	"单位不存在：%s":                     "No such unit: %s",
	"请用 --unit 指定单位名称":             "Name the unit with --unit",
	"只有单位填报员（--role REPORTER）绑定单位": "Only a unit reporter (--role REPORTER) is bound to a unit",
	// Unit contacts and reporter imports (db/unitcontact.go, db/reporterimport.go, db/importer/reporters.go).
	"联系人姓名不能超过 %d 个字":        "The contact's name cannot exceed %d characters",
	"联系电话不能超过 %d 个字符":        "The phone cannot exceed %d characters",
	"联系电话只能包含数字、空格、- 和 +":    "A phone may only hold digits, spaces, - and +",
	"一次最多导入 %d 个账号":          "At most %d accounts can be imported at once",
	"一次最多导入 %d 个账号，文件有 %d 行": "At most %d accounts can be imported at once; the file has %d rows",
	"“%s”不能为空。":              "\"%s\" cannot be empty.",
	"用户名 %s 与第 %d 行重复。":      "The username %s repeats row %d.",
	"登录地址不能超过 %d 个字符":        "The sign-in address cannot exceed %d characters",
	"用户名 %s 已被使用。":           "The username %s is taken.",
	// The yearly reporting flow (db/reporting.go).
	"未知的上报操作：%s": "Unknown reporting action: %s",
	"无权进行此上报操作":  "You may not take this reporting action",
	"本单位的上报已通过审核并锁定，须管理员重新打开后才能修改":         "This unit's report was approved and is locked; an admin must reopen it before it can change",
	"本单位已上报，正在等待审核；如需修改请先撤回":               "This unit's report was submitted and awaits review; withdraw it first to change it",
	"当前状态（%s）不能进行此操作":                      "This cannot be done in the current state (%s)",
	"上报任务尚未开始（%s 开始）":                      "The reporting task has not opened yet (it opens on %s)",
	"上报任务已截止，请联系省直文明办延期":                   "The reporting task has closed; ask the office for an extension",
	"上报任务不存在":                              "No such reporting task",
	"上报状态已被他人更新（当前版本 %d，您提交的版本 %d），请刷新后重试": "Someone else updated this report (current version %d, yours %d); reload and try again",
	"免报须说明理由":                              "Say why the unit is excused",
	"延期日期应晚于截止日期 %s":                       "The extension must end after the due day %s",
	"重新打开须说明理由":                            "Say why the report is reopened",
	"任务标题不能为空":                             "The task needs a title",
	"请至少选择一项上报内容":                          "Choose at least one kind of record to report",
	"上报内容重复：%s":                            "A kind is listed twice: %s",
	"日期应满足：开始 ≤ 截止 ≤ 关闭":                   "The dates must satisfy: opens ≤ due ≤ closes",
	"年度超出范围（%d–%d）：%d":                     "The year is out of range (%d–%d): %d",
	// Import jobs (db/importjob.go, db/importer/jobs.go).
	"%s 自 %s 起正在导入“%s”，同一时间只能进行一项导入，请等待其完成或由其取消": "%s has been importing since %s (the file %s); one import runs at a time: wait for it to finish or ask them to cancel it",
	"导入已取消或已中止，未写入任何数据":                          "The import was cancelled or stopped; nothing of it was written",
	"运行该导入的服务已停止，导入未完成，未写入任何数据":                  "The server running this import stopped; the import did not finish and nothing of it was written",
	"导入任务不存在或已结束":                                "No such import is running",
	"导入任务不存在":                                    "No such import",
	"first 应在 1 到 100 之间":                        "first must be between 1 and 100",
	"汇总与记录不一致：%v":                                "The totals disagree with the records: %v",
	"备份 %s 未通过校验，未恢复：%s":                         "The backup %s failed its checks and was not restored: %s",
	"备份 %s 未通过校验，已删除：%s":                         "The backup %s failed its checks and was deleted: %s",
	"数据库 %s 正被运行中的进程（PID %s）打开：请先停止 wenming serve 再恢复（--force 也不会覆盖正在使用的数据库）": "The database %s is held open by a running process (PID %s): stop wenming serve before restoring (--force does not replace a database in use either)",
	"数据库 %s 已存在且有数据（%.1f MB）：恢复会整个替换它。确认要覆盖请加 --force":                        "The database %s exists and holds data (%.1f MB): a restore replaces it whole. Add --force to confirm",
	"无法读取备份文件 %s：%v": "Cannot read the backup file %s: %v",
	"无法连接 %s：%v":     "Cannot connect to %s: %v",
	"数据库 %s 已有 %d 张表：恢复会覆盖它。请恢复到新建的空数据库（docs/scale-out.md「Backups」），或加 --force（pg_restore --clean）":             "The database %s has %d tables already: a restore would overwrite it. Restore into a newly created empty database (docs/scale-out.md, Backups), or add --force (pg_restore --clean)",
	"找不到 %s：请安装 PostgreSQL 客户端（Debian：apt install postgresql-client-15），或按 docs/scale-out.md「Backups」一节手动运行：%s": "Cannot find %s: install the PostgreSQL client (Debian: apt install postgresql-client-15), or run by hand as docs/scale-out.md, Backups, shows: %s",
	// Copying and seeding databases (cli, db copy).
	"这种数据库不能作为复制来源：%s":                               "This kind of database cannot be a copy source: %s",
	"这种数据库不能作为复制目标：%s":                               "This kind of database cannot be a copy target: %s",
	"目标数据库已有数据，复制只能写入空库：%s":                          "The target database already holds data; a copy writes only into an empty one: %s",
	"目标数据库已有 %d 个账号，复制只能写入空库：%s":                     "The target database already has %d accounts; a copy writes only into an empty one: %s",
	"复制后 %s 的行数不一致：来源 %d，目标 %d":                      "After the copy, %s has different row counts: source %d, target %d",
	"复制后公布数字的条数不一致：来源 %d，目标 %d":                      "After the copy, the published figures differ in number: source %d, target %d",
	"复制后“%s”的核对结果不一致：来源 %s，目标 %s":                    "After the copy, the check of %q differs: source %s, target %s",
	"数据库 %s 已有数据；规模数据只能写入空库":                         "Database %s already holds data; scale data goes only into an empty one",
	"目标数据库没有表 %s":                                    "The target database has no table %s",
	"不能复制的表：%s":                                      "Table that cannot be copied: %s",
	"表名无效：%s":                                        "Invalid table name: %s",
	"数据库必须是文件路径（:memory: 会让每个连接各有一个空库）":              "The database must be a file path (:memory: gives every connection its own empty database)",
	"规模倍数必须在 0 到 100 之间：%v":                          "The scale factor must be between 0 and 100: %v",
	"导入数据集失败，未写入任何记录：%v":                             "Importing the data set failed; nothing was written: %v",
	"无法解析 PostgreSQL 连接地址：%v":                        "Cannot parse the PostgreSQL connection address: %v",
	"不支持的数据库地址：%s（可用：文件路径、sqlite:路径或 postgres://…）。": "Unsupported database address: %s (use a file path, sqlite:path or postgres://…).",
	"PostgreSQL 后端尚未实现此操作。":                          "Not implemented on PostgreSQL yet.",
	"无法为自然键建立唯一索引：下列记录的自然键相同，导入会把它们当作同一条记录。迁移不会自动删除或合并任何记录：请先用原版本程序或数据库工具核对，删除或修改重复的记录，再用新版本启动。\n%s": "Cannot build unique indexes on the natural keys: the records below share a natural key, and an import would take them for one record. The migration deletes or merges nothing by itself: check them with the previous version or a database tool, delete or change the duplicates, then start the new version.\n%s",

	// Accounts, sessions and tokens.
	"请用 --name 指定用户名":              "Give the username with --name",
	"用户名不能为空":                      "The username must not be empty",
	"用户名只能包含文字、数字和 . _ - @":        "A username may hold only letters, digits and . _ - @",
	"用户名最多 %d 个字符":                 "A username has at most %d characters",
	"只读令牌不能修改数据。":                  "A read-only token cannot change anything.",
	"账户管理须登录后在浏览器中操作，不能使用 API 令牌。": "Accounts are managed by a signed-in user in the browser, not with an API token.",
	"修改自己的密码须提供当前密码。":              "Changing your own password needs your current password.",
	"当前密码不正确。":                     "The current password is wrong.",
	"令牌不能再创建令牌，请登录后操作。":            "A token cannot create tokens; sign in to do this.",
	"请先登录。":                        "Please sign in.",
	"令牌名称不能为空":                     "The token name must not be empty",
	"%s 是查看角色，只能创建只读令牌":            "%s has the viewer role and may create read-only tokens only",
	"有效期须在 1 到 %d 天之间":             "The lifetime must be between 1 and %d days",
	"需要%s权限。":                      "This needs the %s role.",
	"用户名 %q 已被使用":                  "The username %q is taken",
	"用户名须为 2–64 个字符":               "A username has 2–64 characters",
	"用户不存在":                        "No such user",
	"至少要保留一个可用的管理员":                "At least one enabled administrator must remain",
	"令牌不存在":                        "No such token",
	"%s不存在":                        "No such %s",
	"密码至少 8 个字符":                   "A password has at least 8 characters",
	"密码不能超过 72 字节":                 "A password must not exceed 72 bytes",
	"密码不能为空":                       "The password must not be empty",
	"拒绝跨站请求。":                      "Cross-site requests with a session cookie are refused.",
	"数据库暂不可用，请稍后重试。":               "The database is unavailable; try again shortly.",
	"Authorization 须为 Bearer 令牌。":  "Use a Bearer token in Authorization.",
	"令牌无效、已过期或已撤销。":                "Invalid, expired or revoked token.",
	"令牌所属用户不可用。":                   "The token's user is disabled.",
	"请先登录或提供 API 令牌。":              "Please sign in or send an API token.",
	"请求须为 JSON。":                   "Send JSON.",
	"请求格式错误。":                      "Malformed request.",
	"登录尝试过于频繁，请稍后再试。":              "Too many attempts, try again later.",
	"用户名或密码错误。":                    "Wrong username or password.",
	"服务器内部错误。":                     "Internal error.",
	"登录已失效（会话已结束或令牌已撤销），请重新登录。": "You are signed out: the session ended or the token was revoked. Please sign in again.",

	// The HTTP surface: limits, transports, uploads, exports.
	"片段定义过多：%d 个，上限 %d 个。":                                                  "Too many fragment definitions: %d, the limit is %d.",
	"查询字段过多：超过 %d 个（别名与片段展开均计入）。":                                           "Too many fields: over %d, counting aliases and expanded fragments.",
	"字段 %q 在同一选择集中出现 %d 次，上限 %d 次。":                                         "Field %q occurs %d times in one selection set; the limit is %d.",
	"查询嵌套过深：%d 层，上限 %d 层。":                                                  "Query depth %d exceeds the limit of %d.",
	"无法读取请求体。":                                                              "Cannot read the request body.",
	"一次请求最多自省 %d 次 __schema、%d 次 __type，收到 %d 次和 %d 次。":                     "One request may introspect __schema at most %d times and __type at most %d times; it asked %d and %d times.",
	"本服务器不接受这个主机名的请求。":                                                      "This server does not answer requests for this host name.",
	"不允许从这个来源打开 WebSocket。":                                                 "A WebSocket may not be opened from this origin.",
	"本服务器已关闭结构自省（__schema、__type）。":                                         "Introspection is disabled on this server.",
	"GET 请求只能执行查询；变更请用 POST。":                                               "Only queries may be sent with GET; send mutations with POST.",
	"无法解析 URL 查询参数。":                                                        "Malformed URL query.",
	"variables 参数须为 JSON 对象。":                                               "The variables parameter must be a JSON object.",
	"extensions 参数须为 JSON 对象。":                                              "The extensions parameter must be a JSON object.",
	"缺少 query 参数。":                                                          "The query parameter is missing.",
	"请求体须为 JSON 对象 {query, operationName, variables, extensions}，且各参数类型正确。": "The body must be a JSON object {query, operationName, variables, extensions} with parameters of the right types.",
	"上传文件须带请求头 %s: 1（防止跨站提交）。":                                              "Multipart uploads must carry the %s: 1 header (against cross-site posts).",
	"上传文件过大（上限 %d 字节）。":                                                     "Upload too large (the limit is %d bytes).",
	"请求体过大（上限 %d 字节）。":                                                      "Request body too large (the limit is %d bytes).",
	"每个连接最多 %d 个订阅。":                                                        "At most %d subscriptions per connection.",
	"文件须以 multipart/form-data 上传（GraphQL 多部分请求），并带请求头 %s: 1；JSON 请求体不能携带文件。":            "Send the file as a GraphQL multipart request (multipart/form-data) with the %s: 1 header; a JSON body cannot carry a file.",
	"没有这个模板：%s。可选：units、people、honors、volunteer-records、assessments、activities（.xlsx）。": "No such template: %s. Choose units, people, honors, volunteer-records, assessments or activities (.xlsx).",
	"导出地址应为 /export/视图.xlsx 或 /export/视图.csv。":                                          "An export address is /export/VIEW.xlsx or /export/VIEW.csv.",
	"没有可导出的视图“%s”。可选：%s。":                                                               "No view %q to export. Choose: %s.",
	"导出格式应为 xlsx 或 csv，收到“%s”。":                                                         "The export format is xlsx or csv, got %q.",
	"“%s”不支持筛选条件 %s。可用：%s。":                                                             "%q has no filter %s. Available: %s.",
	"%s 应为整数，收到“%s”。":                                                                   "%s must be an integer, got %q.",
	"%s 应为 true 或 false，收到“%s”。":                                                        "%s must be true or false, got %q.",
	"%s 的取值无效：“%s”。":                                                                    "Invalid value for %s: %q.",
	"单位 ID 无效：“%s”。":                                                                    "Invalid unit ID: %q.",
	"未知的单位类型：“%s”（可选：%s）。":                                                              "Unknown unit kind: %q (choose: %s).",
	"未知的%s代码：“%s”。":                                                                     "Unknown %s code: %q.",
	"metric 的取值无效：“%s”。":                                                                "Invalid metric: %q.",
	"order 应为 TOP 或 BOTTOM，收到“%s”。":                                                     "order must be TOP or BOTTOM, got %q.",
	"超过 XLSX 每个工作表 %d 行的上限。请改用 CSV 导出，或缩小筛选范围。":                                         "Over the XLSX limit of %d rows per sheet. Export CSV instead, or narrow the filters.",

	// Arguments, ids, cursors and scalars.
	"unitId 无效":    "Invalid unitId",
	"pairingId 无效": "Invalid pairingId",
	"first 必须在 1 到 %d 之间，收到 %d": "first must be between 1 and %d, got %d",
	"first 必须在 1 到 %d 之间，收到 0":  "first must be between 1 and %d, got 0",
	"%s 的取值过多（%d 个，上限 %d 个）":    "Too many values for %s (%d, the limit is %d)",
	"ID 无效：%q":          "Invalid ID: %q",
	"ID 类型应为 %s，实际为 %s": "The ID should be of type %s, not %s",
	"%s 类型的记录没有审计条目，请给出可编辑记录的 ID":            "Records of type %s have no audit entries; give the ID of an editable record",
	"recordId 是 %s 类型的记录，与 entity 筛选 %s 不一致": "recordId is a record of kind %s, which contradicts the entity filter %s",
	"游标无效：%q": "Invalid cursor: %q",
	"游标属于另一种排序方式，请从第一页重新开始":           "The cursor belongs to another order; start again from the first page",
	"游标与排序方式不符":                       "The cursor does not match the order",
	"日期格式应为 YYYY-MM-DD：%q":            "A date is written YYYY-MM-DD: %q",
	"日期必须是字符串 YYYY-MM-DD":             "A date must be a string YYYY-MM-DD",
	"时间格式应为 YYYY-MM-DD 或 RFC 3339：%q": "A time is written YYYY-MM-DD or RFC 3339: %q",
	"金额必须是整数元：%q":                     "An amount must be whole yuan: %q",
	"金额必须是整数元，收到 %T":                  "An amount must be whole yuan, got %T",
	"金额不能为负数":                         "An amount must not be negative",
	"%s 必须是字符串":                       "%s must be a string",
	"%s 的取值无效：%q":                     "Invalid value for %s: %q",
	"%s 无效":                           "Invalid %s",
	"%s 不能为空":                         "%s must not be empty",
	"起始年份超出范围（%d–%d）：%d":              "The start year is out of range (%d–%d): %d",
	"截止年份超出范围（%d–%d）：%d":              "The end year is out of range (%d–%d): %d",
	"起始年份 %d 晚于截止年份 %d":               "The start year %d is after the end year %d",
	"年份超出范围：%d":                       "Year out of range: %d",
	"年份须在 %d 到 %d 之间，收到 %d":           "The year must be between %d and %d, got %d",
	"日期的年份须在 %d 到 %d 之间：%s":           "The date's year must be between %d and %d: %s",
	"不支持的指标：%s":                       "Unsupported metric: %s",
	"不支持的分组维度：%s":                     "Unsupported grouping: %s",
	"不支持的排序字段：%s":                     "Unsupported sort field: %s",
	"排序方向无效：%s":                       "Invalid sort direction: %s",
	"未知的记录类型：%s":                      "Unknown record kind: %s",
	"未知的导入类型：%q":                      "Unknown import kind: %q",
	"未知的导入类型：%q（可选：%s）":               "Unknown import kind: %q (choose: %s)",
	"未知的单位类型：%q":                      "Unknown unit kind: %q",
	"未知的单位类型：%q（可选：%s）":               "Unknown unit kind: %q (choose: %s)",
	"未知的专项行动代码：%q":                    "Unknown campaign code: %q",
	"未知的荣誉类别代码：%q":                    "Unknown honour category code: %q",

	// Writes: versions, references, the recycle bin, constraints.
	"%s不存在或已被删除：%d": "The %s %d does not exist or was deleted",
	"该%s已被他人修改（当前版本 %d，您提交的版本 %d），请刷新后重试。": "This %s was changed by someone else (current version %d, yours %d); reload and try again.",
	"expectedVersion 须为读取时的版本号（≥ 1）":       "expectedVersion must be the version you read (≥ 1)",
	"%s不存在：%d": "No such %s: %d",
	"该%s仍被以下记录引用：%s。请先删除或改挂这些记录。":  "This %s is still referenced by: %s. Delete or re-link those records first.",
	"不能删除唯一的排名权重版本。":               "The only ranking weights version cannot be deleted.",
	"回收站中没有该记录：%d":                 "The recycle bin holds no record %d",
	"该记录已于 %s 恢复。":                 "The record was restored on %s.",
	"%d 年起的排名权重版本已存在，请先删除它再恢复。":    "A ranking weights version from %d exists; delete it before restoring.",
	"无法恢复：%s若它引用的记录也已删除，请先恢复那条记录。": "Cannot restore: %s If a record it refers to was deleted too, restore that record first.",
	"所引用的记录不存在或已被删除，或该记录仍被其他记录引用。": "A referenced record does not exist or was deleted, or the record is still referenced by others.",
	"数据不符合约束：%s（%s）":               "The data breaks a constraint: %s (%s)",
	"数据不符合约束：%s.%s 不能为空":           "The data breaks a constraint: %s.%s must not be empty",
	"数据不符合约束：%s":                   "The data breaks a constraint: %s",
	"日期或时间无效：%s":                   "Invalid date or time: %s",
	"数值超出范围：%s":                    "Number out of range: %s",
	"违反数据约束。":                      "The data breaks a constraint.",
	"%s。":                          "%s.",
	"案例汇编不存在：%d":                   "No such case compilation: %d",
	"%s不能为空":                       "%s must not be empty",
	"%s不能超过 %d 个字":                 "%s must not exceed %d characters",

	// Honours and their recipients.
	"类别的获得者类型为%s，不应填写%s":          "The category's recipients are of kind %s; %s must not be given",
	"%s类荣誉须指定获得单位":                "A %s honour needs its receiving unit",
	"单位不存在：%d":                    "No such unit: %d",
	"个人类荣誉须指定获得者":                 "A person honour needs its recipient",
	"人物不存在：%d":                    "No such person: %d",
	"%s类荣誉须指定%s":                  "A %s honour needs its %s",
	"社区类荣誉须填写获得者名称（社区名称）":         "A community honour needs the recipient's name (the community)",
	"荣誉类别不存在：%s":                  "No such honour category: %s",
	"校园类荣誉须授予高校或中小学，%s 是%s":       "A campus honour goes to a university or school; %s is a %s",
	"%s 是%s，应使用校园类荣誉类别":           "%s is a %s; use a campus honour category",
	"窗口类荣誉须授予窗口单位，%s 不是窗口单位":      "A window honour goes to a service window; %s is not one",
	"该单位有 %d 条校园类荣誉，类型须为高校或中小学":   "The unit holds %d campus honours; its kind must be university or school",
	"该单位有 %d 条单位类荣誉，类型不能改为高校或中小学": "The unit holds %d unit honours; its kind cannot become university or school",
	"该单位有 %d 条窗口类荣誉，须保持为窗口单位":     "The unit holds %d window honours and must stay a service window",
	"荣誉类别不能为空":                    "The honour category must not be empty",
	"日期 %s 不在荣誉年份 %d 内":           "The date %s is not in the honour's year %d",
	"届次不能超过 %d 个字":                "The session must not exceed %d characters",
	"荣誉状态无效：%q":                   "Invalid honour status: %q",
	"获得者名称不能超过 %d 个字":             "The recipient's name must not exceed %d characters",
	"请填写荣誉类别代码":                   "Give the honour category code",
	"积分须在 0 到 %d 之间，收到 %v":        "Points must be between 0 and %d, got %v",

	// Volunteer service, campaigns, practice and pairings.
	"专项行动不存在：%d": "No such campaign: %d",
	"服务日期 %s 不在专项行动“%s”的起止日期（%s 至 %s）内": "Service date %s is outside campaign %q (%s to %s)",
	"专项行动代码不可修改（公布数字按代码核对）：%s":          "A campaign's code cannot change (published figures are checked by code): %s",
	"时长无效":       "Invalid duration",
	"时长不能为负数：%v": "The duration must not be negative: %v",
	"时长过大：%v":    "The duration is too large: %v",
	"时长须为整分钟（小时 × 60 为整数），收到 %v 小时":   "The duration must be whole minutes (hours × 60 an integer), got %v hours",
	"志愿者人数不能为负数：%d":                   "The number of volunteers must not be negative: %d",
	"时长不能为负数":                         "The duration must not be negative",
	"记录方式无效：%q":                       "Invalid recording method: %q",
	"代码须为 2–32 位大写字母、数字或下划线，以字母开头：%q": "A code has 2–32 capital letters, digits or underscores, starting with a letter: %q",
	"代码 %s 为保留字":                      "The code %s is reserved",
	"专项行动类型无效：%q":                     "Invalid campaign kind: %q",
	"结束日期 %s 早于开始日期 %s":               "The end date %s is before the start date %s",
	"场次至少为 1，收到 %d":                   "At least 1 session, got %d",
	"参与人次不能为负数：%d":                    "Attendance must not be negative: %d",
	"原文未列出该行动的名称，活动不能归入：%q":           "The article does not name this action, so no activity can be filed under it: %q",
	"心愿阶段无效：%q（可选：COLLECTED 征集、PUBLISHED 发布、CLAIMED 认领、FULFILLED 实施）": "Invalid wish stage: %q (choose COLLECTED, PUBLISHED, CLAIMED or FULFILLED)",
	"已认领或实施的心愿须填写认领单位":                                                "A claimed or fulfilled wish needs its claiming unit",
	"心愿尚在征集或发布阶段，不应填写认领单位":                                            "A wish still being collected or published has no claiming unit",
	"须至少选择一项承担的工作：%s":                                                 "Choose at least one task taken on: %s",
	"承担的工作无效：%q（可选：%s）":                                               "Invalid task: %q (choose: %s)",
	"活动类型无效：%q":                                                       "Invalid activity kind: %q",
	"地点不能超过 %d 个字":                                                    "The place must not exceed %d characters",

	// Assessments, targets and ranking weights.
	"尚未配置测评指标，不能填写指标得分":           "No assessment indicators are configured, so no indicator scores can be given",
	"指标代码 %s 不属于 %d 年起施行的指标版本":    "Indicator code %s is not in the indicator version in force from %d",
	"指标 %s 的得分 %v 超过满分 %v":        "Indicator %s scores %v, over its maximum of %v",
	"基础分须在 0 到 100 之间，收到 %v":      "The base score must be between 0 and 100, got %v",
	"加分须在 0 到 %d 之间，收到 %v":        "The bonus must be between 0 and %d, got %v",
	"测评阶段无效：%q":                   "Invalid assessment stage: %q",
	"第 %d 项指标代码为空":                "Indicator %d has no code",
	"指标 %s 重复":                    "Indicator %s is repeated",
	"指标 %s 的得分不能为负数：%v":           "Indicator %s must not score below zero: %v",
	"指标无效：%q":                     "Invalid indicator: %q",
	"目标值不能为负数：%v":                 "A target must not be negative: %v",
	"未知的组成项：%q（可选：%s）":            "Unknown component: %q (choose: %s)",
	"组成项 %s 重复":                   "Component %s is repeated",
	"组成项 %s 的权重须在 0 到 1 之间，收到 %v": "The weight of component %s must be between 0 and 1, got %v",
	"须为全部 %d 个组成项各给一个权重（%s）":      "Give one weight to each of the %d components (%s)",
	"各项权重之和须为 1，收到 %s":            "The weights must add up to 1, got %s",

	// Formats of branches merged after this table was written (donations, pairings, bounds, control characters):
	// listed ahead so that the merge stays green.
	"有效期须在 1 到 %d 天之间（%s角色的令牌最多 %d 天）":  "The lifetime must be between 1 and %d days (tokens of the %s role last at most %d days)",
	"捐赠类型无效：%q（可选：CASH 现金、MATERIAL 物资）": "Invalid donation kind: %q (choose CASH or MATERIAL)",
	"金额不能为负数：%d 元":                      "The amount must not be negative: %d yuan",
	"单笔捐赠金额不能超过 %d 元（100亿元），收到 %d 元":    "One donation may not exceed %d yuan (10 billion), got %d yuan",
	"箱数须在 0 到 %d 之间，收到 %d":              "The number of boxes must be between 0 and %d, got %d",
	"批次须在 1 到 %d 之间，收到 %d":              "The batch must be between 1 and %d, got %d",
	"现金捐赠的金额须大于 0 元":                    "A cash donation must be over 0 yuan",
	"现金捐赠没有箱数，箱数只用于物资":                  "A cash donation has no boxes; boxes are for material donations only",
	"现金捐赠没有批次，批次只用于物资":                  "A cash donation has no batch; batches are for material donations only",
	"物资捐赠须填写价值（元）或箱数":                   "A material donation needs its value (yuan) or its number of boxes",
	"%s %s 不在专项行动“%s”的起止日期（%s 至 %s）内":   "The %s %s is outside campaign %q (%s to %s)",
	"centerId 无效": "Invalid centerId",
	"“四送一助力”内容项无效：%q":                 "Invalid 四送一助力 item: %q",
	"内容项“%s”重复":                       "Item %q is repeated",
	"演示结对记录的乡镇为虚构，不能归入真实的县级实践中心":      "A demo pairing's township is invented and cannot be filed under a real county practice centre",
	"%s须在 %d 到 %d 之间，收到 %d":           "%s must be between %d and %d, got %d",
	"时长须在 0 到 %d 小时之间，收到 %v 小时":       "The duration must be between 0 and %d hours, got %v hours",
	"%s不能含控制字符（第 %d 个字符为 %U）":         "%s must not contain control characters (character %d is %U)",
	"金额须在 0 到 %d 元之间，收到 %d":           "The amount must be between 0 and %d yuan, got %d",
	"指标 %s 的得分须在 0 到 %d 之间，收到 %v":     "Indicator %s must score between 0 and %d, got %v",
	"目标值须在 0 到 %g 之间，收到 %v":           "A target must be between 0 and %g, got %v",
	"“%s”含控制字符 %U（第 %d 个字符），请删除后再导入。": "%q contains the control character %U (character %d); delete it, then import.",
	"“%s”应在 %d 到 %d 之间，收到 %s。":        "%q must be between %d and %d, got %s.",

	// Import files and rows (db/importer).
	"“%s”为必填项，不能为空。":                               "%q is required and must not be empty.",
	"“%s”过长：%d 字，上限 %d 字。":                         "%q is too long: %d characters, the limit is %d.",
	"“%s”疑似公式（以 = 开头）。请粘贴为数值或文本后再导入。":              "%q looks like a formula (it starts with =). Paste it as a value or text, then import.",
	"“%s”应为整数，收到“%s”。":                             "%q must be an integer, got %q.",
	"“%s”应不小于 %d，收到 %s。":                           "%q must be at least %d, got %s.",
	"“%s”应为数字，收到“%s”。":                             "%q must be a number, got %q.",
	"“%s”应在 %g 到 %g 之间，收到 %s。":                     "%q must be between %g and %g, got %s.",
	"“%s”应为 %d–%d 之间的四位年份，收到“%s”。":                 "%q must be a four-digit year in %d–%d, got %q.",
	"“%s”不是有效日期：“%s”。请填写 YYYY-MM-DD，如 2024-03-05。": "%q is not a valid date: %q. Write YYYY-MM-DD, such as 2024-03-05.",
	"“%s”的年份超出范围（%d–%d）：“%s”。":                     "The year in %q is out of range (%d–%d): %q.",
	"“%s”应填“是”或“否”，收到“%s”。":                        "%q takes 是 (yes) or 否 (no), got %q.",
	"“%s”的取值无效：“%s”。可选：%s。":                        "Invalid value in %q: %q. Choose: %s.",
	"未找到单位“%s”。请核对名称，或先导入单位。":                      "Unit %q not found. Check the name, or import the unit first.",
	"“单位类型”的取值无效：“%s”。可选：%s。":                      "Invalid unit kind (单位类型): %q. Choose: %s.",
	"未知的荣誉类别：“%s”。请填写类别名称（如 全国文明单位）或代码，见模板“说明”页。":  "Unknown honour category: %q. Give the category's name (such as 全国文明单位) or code; see the template's 说明 sheet.",
	"“授予日期”%s 不在“年份”%d 年内。":                        "The award date (授予日期) %s is not in the year (年份) %d.",
	"未找到单位“%s”（“%s”授予单位）。请核对名称，或先导入单位。":            "Unit %q not found (%q goes to units). Check the name, or import the unit first.",
	"未找到人物“%s”。“%s”授予个人，请先导入人物，或核对“所属单位”。":         "Person %q not found. %q goes to people: import the person first, or check the unit (所属单位).",
	"有 %d 位名为“%s”的人物，请填写“所属单位”以区分。":                "%d people are named %q; give the unit (所属单位) to tell them apart.",
	"未找到志愿服务项目“%s”（“%s”授予项目）。":                     "Volunteer project %q not found (%q goes to projects).",
	"未找到作品“%s”（“%s”授予作品）。":                         "Work %q not found (%q goes to works).",
	"有 %d 件题为“%s”的作品，请填写“所属单位”以区分。":                "%d works are titled %q; give the unit (所属单位) to tell them apart.",
	"“%s”未匹配任何单位、人物或项目，按社区登记；社区类荣誉不填写“所属单位”。":      "%q matches no unit, person or project and is recorded as a community; community honours take no unit (所属单位).",
	"未知的专项行动：“%s”。常态化服务请留空，专项行动见模板“说明”页。":          "Unknown campaign: %q. Leave it empty for everyday service; campaigns are listed on the template's 说明 sheet.",
	"“服务日期”%s 不在专项行动“%s”的起止日期（%s 至 %s）内。":          "The service date (服务日期) %s is outside campaign %q (%s to %s).",
	"未找到新时代文明实践中心“%s”。请填写中心全称或 6 位区划代码。":           "Practice centre %q not found. Give the centre's full name or its 6-digit area code.",
	"原文只列出“六大行动”中的四项（党的创新理论传播、主流价值践行、优质文化供给、服务惠民暖心），另两项未具名，活动不能归入：“%s”。": "The article names only four of the six actions (党的创新理论传播, 主流价值践行, 优质文化供给, 服务惠民暖心); the other two are unnamed, so no activity can be filed under %q.",
	"与第 %d 行重复：%s": "Duplicates row %d: %s",
	"表头“%s”出现了两次。": "The header %q appears twice.",
	"表头与“%s”模板不符：第 1 行应为 %s。请下载模板，或确认选择的导入类型。": "The headers do not match the %q template: row 1 should be %s. Download the template, or check the import kind.",
	"缺少必填列“%s”。": "The required column %q is missing.",
	"文件中没有数据行。":  "The file has no data rows.",
	"本行标为演示数据，而对应的已有记录（编号 %d）是真实记录。导入不会把真实记录改为演示数据：请在“%s”列填“否”或留空。":                                     "This row is marked as demo data, but its existing record (number %d) is real. An import never turns a real record into demo data: put 否 (no) in the %q column or leave it empty.",
	"本行对应的已有记录（编号 %d）是演示数据，而本行未标为演示数据。导入不会把演示记录改为真实记录：如果这一行就是那条演示记录，请在“%s”列填“是”；如果要录入真实记录，请先清除演示数据再导入。": "This row's existing record (number %d) is demo data, but the row is not marked as demo data. An import never turns a demo record into a real one: if this row is that demo record, put 是 (yes) in the %q column; to enter a real record, clear the demo data first, then import.",
	"无法读取工作表“%s”。": "Cannot read the sheet %q.",
	"文件为空。":        "The file is empty.",
	"不支持旧版 .xls 文件（或文件已加密）。请在 Excel 中“另存为” .xlsx 后再导入。": "Old .xls files (or encrypted files) are not supported. Save as .xlsx in Excel, then import.",
	"文件不是有效的 XLSX（压缩包已损坏）。":                             "The file is no valid XLSX (the archive is damaged).",
	"文件没有表头行，请使用下载的模板。":                                 "The file has no header row; use the downloaded template.",
	"无法读取 XLSX 文件：文件已损坏或不是 Excel 工作簿。":                  "Cannot read the XLSX file: it is damaged or not an Excel workbook.",
	"工作簿中没有数据工作表。":                                      "The workbook has no data sheet.",
	"读取工作表出错：文件可能已损坏。":                                  "Error reading the sheet: the file may be damaged.",
	"无法读取 CSV 文件。":                                      "Cannot read the CSV file.",
	"第 %d 行无法读取：%v":                                     "Row %d cannot be read: %v",
	"第 %d 行超过 %d 字节，文件可能不是 CSV。":                        "Row %d is over %d bytes; the file may not be CSV.",
	"第 %d 行不是有效的 CSV：%v":                                "Row %d is no valid CSV: %v",
}

// termsEn gives the English of the Chinese words that messages take as arguments (record kinds, roles, unit kinds,
// field labels, unique-key messages), so that a message about a 单位 reads "unit" in English.
var termsEn = map[string]string{
	"单位": "unit", "人物": "person", "荣誉": "honour", "志愿服务记录": "volunteer record", "专项行动": "campaign",
	"实践中心联系": "practice link", "文明实践活动": "practice activity", "测评": "assessment", "年度目标": "target",
	"排名权重": "ranking weights", "全部演示数据": "all demo data", "荣誉类别积分": "honour category points",
	"校园": "campus", "个人": "person", "项目": "project", "作品": "work", "窗口": "window", "社区": "community",
	"其他获得者": "other recipient",
	"微心愿":   "micro-wish", "优秀案例": "excellent case", "人才库成员": "talent pool member", "会议培训活动": "meeting or training event",
	"查看": "viewer", "编辑": "editor", "管理员": "administrator",
	"机关": "government office", "事业单位": "public institution", "国有企业": "state-owned enterprise",
	"高校": "university", "中小学": "school", "医院": "hospital",
	"用户": "user", "会话": "session", "令牌": "token", "API 令牌": "API token",
	"实践中心": "practice centre", "案例汇编": "case compilation", "结对帮创": "pairing", "认领单位": "claiming unit",
	"心愿所在村（社区）": "the wish's village (community)", "事迹简介": "citation", "说明": "description",
	"单位名称": "unit name", "姓名": "name", "英文名称": "English name", "中文名称": "Chinese name", "备注": "note",
	"所属系统": "sector", "案例简介": "case summary", "活动主题": "activity theme", "心愿内容": "wish",
	"案例标题": "case title", "活动名称": "activity name",
	"乡镇名称": "township name", "参与人次": "attendance", "地点": "place", "场次": "sessions", "届次": "session",
	"志愿者人数": "number of volunteers", "捐赠日期": "donation date", "服务日期": "service date", "获得者名称": "recipient name",
	"至今": "now", "捐赠": "donation", "联合会会员": "federation member",
	"记录已存在（ID 或唯一键重复）":      "The record exists already (duplicate ID or unique key)",
	"同名单位已存在":               "A unit of that name exists already",
	"同一单位已有同名人物":            "The unit already has a person of that name",
	"同名用户已存在":               "A user of that name exists already",
	"该代码的专项行动已存在":           "A campaign with that code exists already",
	"该获得者在该年度（届次）已有同一类别的荣誉": "The recipient already holds an honour of that category for that year (session)",
	"该年份的权重版本已存在":           "A weights version for that year exists already",
	"指标得分重复":                "Duplicate indicator score",
	"该指标该年度的目标已存在":          "A target for that metric and year exists already",
	"该单位与该乡镇的结对已存在":         "The unit is already paired with that township",
	"同名志愿服务项目已存在":           "A volunteer project of that name exists already",
	"该单位该年度的测评已存在":          "The unit already has an assessment for that year",
	"该单位同一天同一专项行动已有按同一方式记录的志愿服务记录": "The unit already has a volunteer record for that day and campaign, recorded the same way",
	"该单位同一天已有同类型、同主题的文明实践活动":       "The unit already has a practice activity of that kind and theme on that day",
	"该单位与该实践中心的联系已存在":              "The unit is already linked to that practice centre",
	"该汇编中已有同名案例":                   "The compilation already has a case of that title",
}

// codeMessagesEn says in general what a code means, for the rare error built without a translated format.
var codeMessagesEn = map[string]string{
	EINVALID:      "Invalid input.",
	ENOTFOUND:     "Not found.",
	ECONFLICT:     "Conflict with the stored data.",
	EUNAUTHORIZED: "Please sign in.",
	EFORBIDDEN:    "Not allowed.",
	EINTERNAL:     "Internal error.",
}

// English formats a Chinese message format in English with the same arguments, translating arguments that are
// known terms or carry their own English (Text). It reports false for a Chinese format the table lacks; a format
// with no Chinese in it is its own English.
func English(format string, args ...any) (string, bool) {
	return english(true, format, args)
}

// english is English, translating known terms among the arguments only when terms is true: an import's messages
// quote column headers and cell values, which the reader must find in the file as they are.
func english(terms bool, format string, args []any) (string, bool) {
	en, ok := messagesEn[format]
	if !ok {
		if HasHan(format) {
			return "", false
		}
		en = format
	}
	out := make([]any, len(args))
	for i, a := range args {
		out[i] = a
		switch v := a.(type) {
		case Text:
			out[i] = v.En
		case string:
			if t, ok := termsEn[v]; ok && terms {
				out[i] = t
			}
		case fmt.Stringer:
			if t, ok := termsEn[v.String()]; ok && terms {
				out[i] = t
			}
		}
	}
	if len(out) > 0 && strings.HasPrefix(en, "%s") {
		// A sentence that opens with a translated term ("unit name must not be empty") starts with a capital.
		if t, ok := out[0].(string); ok && t != "" && t != args[0] {
			out[0] = strings.ToUpper(t[:1]) + t[1:]
		}
	}
	return fmt.Sprintf(en, out...), true
}

// EnglishFormat returns the table's English for a Chinese format, for the test that keeps the table complete.
func EnglishFormat(format string) (string, bool) {
	en, ok := messagesEn[format]
	return en, ok
}

// EnglishTerm returns the English of a Chinese word that messages take as an argument.
func EnglishTerm(zh string) (string, bool) {
	en, ok := termsEn[zh]
	return en, ok
}

// CodeMessageEn says in English what an error code means in general.
func CodeMessageEn(code string) string {
	if m, ok := codeMessagesEn[code]; ok {
		return m
	}
	return codeMessagesEn[EINTERNAL]
}

// HasHan reports whether s holds a Chinese character, which is how tests and the table tell the languages apart.
func HasHan(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
}

// MessageFormats lists the table's Chinese formats, so that a test can find entries no code uses any more.
func MessageFormats() []string {
	out := make([]string, 0, len(messagesEn))
	for k := range messagesEn {
		out = append(out, k)
	}
	return out
}
