// The parents' side of bench/booking.ts, in a worker thread: the requests are made (and their
// JSON read) off the server's event loop, as they would be from the internet. Plain JavaScript so
// that the worker needs no TypeScript loader.
import { performance } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";

const { base, jobs, concurrency, firstIp } = workerData;

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
    const res = await fetch(`${base}/api/trpc/booking.book`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base, "x-forwarded-for": ip },
      body: JSON.stringify(body),
    });
    const json = await res.json();
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
parentPort.postMessage({ seconds: (performance.now() - t0) / 1000, outcomes });
