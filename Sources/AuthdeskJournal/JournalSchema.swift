import GRDB

/// The journal's tables, as numbered migrations: a database made by an older version is brought
/// up to date when opened, and never changed behind a newer one's back.
enum JournalSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: jobs, users, steps, kept methods, audit") { db in
            try db.execute(sql: """
                CREATE TABLE job (
                    id TEXT PRIMARY KEY NOT NULL,
                    createdAt DATETIME NOT NULL,
                    operatorName TEXT,
                    ticket TEXT,
                    policy TEXT NOT NULL CHECK (policy IN ('portal', 'all')),
                    state TEXT NOT NULL CHECK (state IN ('planned', 'running', 'paused', 'cancelled', 'finished')),
                    updatedAt DATETIME NOT NULL
                );
                CREATE TABLE jobUser (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    jobID TEXT NOT NULL REFERENCES job(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    tenant TEXT NOT NULL,
                    userID TEXT NOT NULL,
                    displayName TEXT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('waiting', 'running', 'verifying', 'done', 'failed')),
                    reason TEXT,
                    updatedAt DATETIME NOT NULL,
                    UNIQUE (jobID, position),
                    UNIQUE (jobID, tenant, userID)
                );
                CREATE TABLE jobStep (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    jobUserID INTEGER NOT NULL REFERENCES jobUser(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    methodID TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    action TEXT NOT NULL CHECK (action IN ('delete', 'deactivate', 'makeDefault')),
                    title TEXT NOT NULL,
                    isDefault BOOLEAN NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'done', 'failed')),
                    attempts INTEGER NOT NULL DEFAULT 0,
                    httpStatus INTEGER,
                    errorCode TEXT,
                    errorMessage TEXT,
                    requestID TEXT,
                    sentAt DATETIME,
                    finishedAt DATETIME,
                    UNIQUE (jobUserID, position)
                );
                CREATE TABLE keptMethod (
                    jobUserID INTEGER NOT NULL REFERENCES jobUser(id) ON DELETE CASCADE,
                    methodID TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    title TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    PRIMARY KEY (jobUserID, methodID)
                );
                \(auditTable("audit", outcomes: ["succeeded", "failed"]))
                CREATE INDEX auditAt ON audit(at);
                CREATE INDEX auditUser ON audit(userID);
                CREATE INDEX jobStepUser ON jobStep(jobUserID, position);
                CREATE TRIGGER auditNoUpdate BEFORE UPDATE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TRIGGER auditNoDelete BEFORE DELETE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """)
        }
        migrator.registerMigration("v2: audit outcomes refused and accepted, ticket index") { db in
            // SQLite cannot change a CHECK constraint: the table is rebuilt, rows and ids kept.
            // DROP TABLE removes the append-only triggers before its implicit delete.
            try db.execute(sql: """
                \(auditTable("auditNew", outcomes: ["succeeded", "failed", "refused", "accepted"]))
                INSERT INTO auditNew (id, at, operatorName, tenant, userID, userName, action, target, outcome, detail,
                    requestID, ticket, jobID, redacted)
                    SELECT id, at, operatorName, tenant, userID, userName, action, target, outcome, detail,
                        requestID, ticket, jobID, redacted FROM audit;
                DROP TABLE audit;
                ALTER TABLE auditNew RENAME TO audit;
                CREATE INDEX auditAt ON audit(at);
                CREATE INDEX auditUser ON audit(userID);
                CREATE INDEX auditTicket ON audit(ticket);
                CREATE TRIGGER auditNoUpdate BEFORE UPDATE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TRIGGER auditNoDelete BEFORE DELETE ON audit
                    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """)
        }
        migrator.registerMigration("v3: audit hash chain, signed checkpoints, verification, evidence, undo") { db in
            // Entries journalled before this migration are not chained: the chain starts here,
            // and `journal verify` says how many entries predate it.
            try db.execute(sql: """
                ALTER TABLE audit ADD COLUMN verification TEXT;
                ALTER TABLE audit ADD COLUMN requests TEXT;
                ALTER TABLE audit ADD COLUMN methodsBefore TEXT;
                ALTER TABLE audit ADD COLUMN methodsAfter TEXT;
                ALTER TABLE audit ADD COLUMN undoOf INTEGER;
                ALTER TABLE audit ADD COLUMN prevHash TEXT;
                ALTER TABLE audit ADD COLUMN hash TEXT;
                CREATE INDEX auditUndoOf ON audit(undoOf);
                CREATE TABLE auditCheckpoint (
                    entryID INTEGER PRIMARY KEY NOT NULL,
                    hash TEXT NOT NULL,
                    signature TEXT NOT NULL,
                    at DATETIME NOT NULL
                );
                CREATE TABLE auditChain (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    legacyThrough INTEGER NOT NULL,
                    migratedAt DATETIME NOT NULL
                );
                INSERT INTO auditChain (id, legacyThrough, migratedAt)
                    SELECT 1, COALESCE(MAX(id), 0), CURRENT_TIMESTAMP FROM audit;
                CREATE TRIGGER auditCheckpointNoUpdate BEFORE UPDATE ON auditCheckpoint
                    BEGIN SELECT RAISE(ABORT, 'the audit checkpoints are append-only'); END;
                CREATE TRIGGER auditCheckpointNoDelete BEFORE DELETE ON auditCheckpoint
                    BEGIN SELECT RAISE(ABORT, 'the audit checkpoints are append-only'); END;
                """)
        }
        migrator.registerMigration("v4: how a bulk job's callers were verified") { db in
            try db.execute(sql: "ALTER TABLE job ADD COLUMN verification TEXT")
        }
        migrator.registerMigration("v5: the host that created or last ran each job") { db in
            try db.execute(sql: "ALTER TABLE job ADD COLUMN host TEXT")
        }
        migrator.registerMigration("v6: jobs awaiting approval") { db in
            // SQLite cannot change a CHECK constraint: the table is rebuilt, rows kept (foreign
            // keys are off during a migration, so the users and steps stay).
            try db.execute(sql: """
                CREATE TABLE jobNew (
                    id TEXT PRIMARY KEY NOT NULL,
                    createdAt DATETIME NOT NULL,
                    operatorName TEXT,
                    ticket TEXT,
                    policy TEXT NOT NULL CHECK (policy IN ('portal', 'all')),
                    state TEXT NOT NULL
                        CHECK (state IN ('planned', 'running', 'paused', 'cancelled', 'finished', 'awaiting-approval')),
                    updatedAt DATETIME NOT NULL,
                    verification TEXT,
                    host TEXT
                );
                INSERT INTO jobNew (id, createdAt, operatorName, ticket, policy, state, updatedAt, verification, host)
                    SELECT id, createdAt, operatorName, ticket, policy, state, updatedAt, verification, host FROM job;
                DROP TABLE job;
                ALTER TABLE jobNew RENAME TO job;
                """)
        }
        return migrator
    }

    /// The audit table: v1 made it, v2 rebuilt it (as `auditNew`) to allow more outcomes;
    /// the columns are the same in both.
    private static func auditTable(_ name: String, outcomes: [String]) -> String {
        let allowed = outcomes.map { "'\($0)'" }.joined(separator: ", ")
        return """
            CREATE TABLE \(name) (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at DATETIME NOT NULL,
                operatorName TEXT,
                tenant TEXT NOT NULL,
                userID TEXT NOT NULL,
                userName TEXT,
                action TEXT NOT NULL,
                target TEXT,
                outcome TEXT NOT NULL CHECK (outcome IN (\(allowed))),
                detail TEXT,
                requestID TEXT,
                ticket TEXT,
                jobID TEXT,
                redacted BOOLEAN NOT NULL DEFAULT 0
            );
            """
    }
}
