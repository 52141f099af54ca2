import { PassThrough } from "node:stream";
import { checkExportRequest, createContext, runExport, type ApiServices, type RequestAdapter } from "@medianum/api";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { NOT_FROM_OUR_PAGES, sentByAnotherSite } from "./same-origin.js";

/**
 * File downloads of the back-office (tRPC is not made for them): GET /api/exports/:kind.:format
 * with the dashboard's filters in the query string. Same session cookie and staff role as the API;
 * the file streams out while the database is read in batches, so its size does not matter.
 */
export function registerExportRoutes(
  app: FastifyInstance,
  services: ApiServices,
  adapter: (req: FastifyRequest, reply: FastifyReply) => RequestAdapter,
) {
  app.get<{ Params: { kind: string; format: string } }>("/api/exports/:kind.:format", async (req, reply) => {
    if (sentByAnotherSite(req)) return reply.code(403).header("Cache-Control", "no-store").send({ error: NOT_FROM_OUR_PAGES });
    const ctx = await createContext(services, adapter(req, reply));
    const checked = checkExportRequest(ctx, req.params, req.query);
    if (!checked.ok) {
      return reply
        .code(checked.status)
        .header("Cache-Control", "no-store")
        .send({ error: checked.message, ...(checked.fieldErrors ? { fieldErrors: checked.fieldErrors } : {}) });
    }
    const body = new PassThrough();
    reply
      .header("Content-Type", checked.contentType)
      .header("Content-Disposition", `attachment; filename="${checked.fileName}"`)
      .header("Cache-Control", "no-store")
      .send(body);
    runExport(ctx, checked, body)
      .then(() => body.end())
      .catch((err: unknown) => {
        // Headers are gone already: cut the download so the browser shows it failed, never a truncated file as complete.
        req.log.error(err, "export failed");
        body.destroy(err instanceof Error ? err : new Error(String(err)));
      });
    return reply;
  });
}
