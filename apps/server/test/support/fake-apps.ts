import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Built apps stand-ins: the server's routing is under test, not the apps. */
export function fakeApps() {
  const dir = mkdtempSync(join(tmpdir(), "medianum-apps-"));
  for (const name of ["portal", "counsellor", "backoffice"]) {
    mkdirSync(join(dir, name, "dist", "assets"), { recursive: true });
    writeFileSync(join(dir, name, "dist", "index.html"), `<!doctype html><title>${name}</title>`);
    writeFileSync(join(dir, name, "dist", "assets", "app-abc123.js"), `console.log(${JSON.stringify(name)});`.repeat(100));
  }
  return dir;
}
