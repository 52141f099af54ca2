export { PrismaClient, Prisma } from "./generated/prisma/client.js";
export type * from "./generated/prisma/models.js";
export { openDatabase, type Database, type DatabaseKind, type OpenDatabaseOptions } from "./client.js";
export { migrate, readMigrations, MigrationError, MIGRATIONS_DIR } from "./migrate.js";
export type { SqlRunner } from "./sql.js";
export { backupDatabase, restoreDatabase, backupKind, BackupError, type DatabaseTarget, type BackupKind } from "./backup.js";
export { moveToPostgres, type MoveReport } from "./move.js";
export { inlineParams, sqlLiteral, type RawQuery, type RawSql, type RawStatement, type RawTx } from "./raw.js";
