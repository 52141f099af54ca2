import type { FastifyInstance } from "fastify";

/**
 * The tRPC adapter answers with a web Response, whose body Fastify pipes as a stream: every API
 * answer, however small, then went through a gzip stream (a compression stream's setup and its
 * writes were about 15 % of a booking's CPU) and was written in chunks. A JSON answer (httpBatchLink,
 * never streamed) is read here into a string: one write, and @fastify/compress applies its
 * threshold as for any other answer. Registered before the compression plugin, so that it runs first.
 */
export function registerTrpcJsonAnswers(app: FastifyInstance) {
  app.addHook("onSend", async (_req, reply, payload) => {
    if (!(payload instanceof Response) || payload.body === null) return payload;
    if (!payload.headers.get("content-type")?.startsWith("application/json")) return payload;
    reply.code(payload.status);
    for (const [name, value] of payload.headers) reply.header(name, value);
    return payload.text();
  });
}
