import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { auditActionLabel, auditActions, describeAuditDetails } from "@medianum/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, createUser, seedTerritory, type Harness } from "./harness.js";

// The audit log reads in French: actions by their label, what they touched by its name, details
// as "label : value" lines; and every action the API records has its label.

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await seedTerritory(h.db);
  await createUser(h.db, "admin", "admin@medianum.test", "Adèle Admin");
});
afterAll(() => h.close());

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith(".ts") ? [p] : [];
  });
}

describe("audit log in French", () => {
  it("every action the API records has a French label", () => {
    const codes = new Set<string>();
    for (const file of sourceFiles(join(import.meta.dirname, "..", "src"))) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/audit\(\s*ctx,\s*[\w.]+,\s*"([\w.]+)"/g)) codes.add(m[1]!);
      for (const m of text.matchAll(/action:\s*"([a-z]+\.[\w.]+)"/g)) codes.add(m[1]!);
    }
    expect(codes.size).toBeGreaterThan(30);
    expect([...codes].filter((c) => !auditActions.has(c))).toEqual([]);
  });

  it("names the person and the place an entry is about, with its details in words", async () => {
    const admin = h.client();
    await admin.login("admin@medianum.test");
    const api = await admin.api();
    await api.team.invite({ email: "nina@medianum.test", displayName: "Nina Nouvelle", role: "coordinator" });
    const { entries } = await api.audit.list({ limit: 10 });
    const invite = entries.find((e) => e.action === "team.invite")!;
    expect(invite.actorName).toBe("Adèle Admin");
    expect(auditActionLabel(invite.action)).toBe("Invitation d'un membre de l'équipe");
    expect(invite.entityLabel).toBe("Compte : Nina Nouvelle");
    // jsonb keeps its own key order: compare as a set.
    const details = describeAuditDetails(JSON.parse(invite.details!));
    expect(details).toHaveLength(3);
    expect(details).toEqual(expect.arrayContaining([
      { label: "Adresse e-mail", value: "nina@medianum.test" },
      { label: "Rôle", value: "Coordinateur ou coordinatrice" },
      { label: "Transmission du lien", value: "remis en main propre (affiché une fois)" },
    ]));
    const login = entries.find((e) => e.action === "auth.login")!;
    expect(auditActionLabel(login.action)).toBe("Connexion");
    // Something deleted since is still said by its kind.
    await h.db.prisma.user.delete({ where: { email: "nina@medianum.test" } });
    const after = await api.audit.list({ limit: 10 });
    expect(after.entries.find((e) => e.id === invite.id)!.entityLabel).toBe("Compte (supprimé)");
  });
});
