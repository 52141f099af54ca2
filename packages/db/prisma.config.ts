// Prisma 6 with the WebAssembly schema engine (`engine: "js"`): the Rust engines cannot be
// downloaded on our machines. The adapter is an in-memory PGlite, used only by CLI commands.
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { PrismaConfig } from "prisma";

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    return new PrismaPGlite(new PGlite());
  },
} satisfies PrismaConfig;
