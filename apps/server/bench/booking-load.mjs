// The parents' side of bench/booking.ts, in a worker thread: the requests are made (and their
// JSON read) off the server's event loop, as they would be from the internet. Plain JavaScript so
// that the worker needs no TypeScript loader. Node's http client with kept-alive connections, as
// a load generator is written (pgbench, the limit beside it, is a lean C client too): fetch cost
// about as much CPU per request as the server's own work, on the same two cores.
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";
import { gunzipSync } from "node:zlib";
import { parentPort, workerData } from "node:worker_threads";

const { base, jobs, concurrency, firstIp } = workerData;
const url = new URL(`${base}/api/trpc/booking.book`);
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
let answerBytes = 0;

/** One POST; resolves with the status and the body as the browser reads it (gzip as it asks). */
function post(body, ip) {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          // What a browser sends with a booking.
          "accept-encoding": "gzip, deflate, br",
          origin: base,
          "x-forwarded-for": ip,
        },
      },
      (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          const text = res.headers["content-encoding"] === "gzip" ? gunzipSync(raw).toString() : raw.toString();
          answerBytes += text.length;
          resolve({ status: res.statusCode, text });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

let ipCounter = firstIp;
async function book(sessionId, seats) {
  ipCounter += 1;
  const n = ipCounter;
  const ip = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  // superjson's wire format for a plain object of strings, numbers and booleans.
  const body = {
    json: { sessionId, firstName: "Parent", lastName: `N${n}`, email: `parent${n}@exemple.fr`, seats, consent: true, acceptWaitlist: n % 3 !== 0 },
  };
  const t0 = performance.now();
  try {
    const res = await post(JSON.stringify(body), ip);
    const json = JSON.parse(res.text);
    const ms = performance.now() - t0;
    if (json.result) return { ms, status: json.result.data.json.status };
    return { ms, status: res.status === 409 ? "refused" : "error" };
  } catch {
    return { ms: performance.now() - t0, status: "error" };
  }
}

const outcomes = [];
let next = 0;
const t0 = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      outcomes.push(await book(job.sessionId, job.seats));
    }
  }),
);
agent.destroy();
parentPort.postMessage({ seconds: (performance.now() - t0) / 1000, outcomes, answerBytes: Math.round(answerBytes / Math.max(1, outcomes.length)) });
