export { PrismaClient, Prisma } from "./generated/prisma/client.js";
export type * from "./generated/prisma/models.js";
export { openDatabase, type Database, type DatabaseKind, type OpenDatabaseOptions } from "./client.js";
export { migrate, readMigrations, MigrationError, MIGRATIONS_DIR } from "./migrate.js";
export type { SqlRunner } from "./sql.js";
export type { RawQuery, RawSql } from "./raw.js";
