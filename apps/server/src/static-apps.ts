import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply } from "fastify";

/** The three built apps and the path each is served under. */
export const APPS = [
  { name: "counsellor", prefix: "/conseiller/" },
  { name: "backoffice", prefix: "/pilotage/" },
  { name: "portal", prefix: "/" },
] as const;

function setCacheHeaders(reply: FastifyReply, path: string) {
  // Vite fingerprints files under assets/: cache them for good; everything else is revalidated.
  reply.header("Cache-Control", /[\\/]assets[\\/]/.test(path) ? "public, max-age=31536000, immutable" : "no-cache");
}

export async function registerStaticApps(app: FastifyInstance, appsDir: string) {
  const roots = APPS.map((a) => ({ ...a, root: join(appsDir, a.name, "dist") }));
  const missing = roots.filter((r) => !existsSync(join(r.root, "index.html")));
  if (missing.length > 0) {
    app.log.warn(`applications non construites : ${missing.map((m) => m.name).join(", ")} (lancez « pnpm build »)`);
  }
  let first = true;
  for (const r of roots) {
    if (!existsSync(r.root)) continue;
    await app.register(fastifyStatic, {
      root: r.root,
      prefix: r.prefix,
      decorateReply: first,
      wildcard: true,
      index: ["index.html"],
      setHeaders: setCacheHeaders,
    });
    first = false;
  }

  // Client-side routing: an unknown page under an app gets that app's index.html; the API and
  // missing files (a path with an extension) get a plain 404.
  app.setNotFoundHandler((req, reply: FastifyReply) => {
    const path = req.url.split("?")[0] ?? "/";
    const isPage = (req.method === "GET" || req.method === "HEAD") && !path.startsWith("/api/") && !/\.[a-z0-9]{1,8}$/i.test(path);
    const target = isPage ? roots.find((r) => path.startsWith(r.prefix) || path === r.prefix.slice(0, -1)) : undefined;
    if (target && path === target.prefix.slice(0, -1)) return reply.redirect(target.prefix, 308);
    if (target && existsSync(join(target.root, "index.html"))) {
      return reply.header("Cache-Control", "no-cache").sendFile("index.html", target.root);
    }
    return reply.code(404).type("application/json").send({ error: "Introuvable" });
  });
}
