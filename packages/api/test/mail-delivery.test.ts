import { generateKeyPairSync, randomUUID } from "node:crypto";
import { authenticate } from "mailauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueEmail } from "../src/mail/outbox.js";
import { createHarness, createUser, errorOf, type Harness, type TestClient } from "./harness.js";
import { startMailbox, type Mailbox } from "./mailbox.js";

// The sender seen by receiving servers (signature, Message-ID, Reply-To) and failures seen by the
// operator (log, back-office, dashboard), with a real SMTP server in the test process.

let h: Harness;
let staff: TestClient;
const FROM = "Département de Lot-et-Garonne <ne-pas-repondre@lotetgaronne.fr>";

beforeAll(async () => {
  h = await createHarness(new Date("2026-11-25T10:00:00Z"), { smtpConfigured: true });
  await createUser(h.db, "coordinator", "coord@medianum.test", "Camille Coordination");
  staff = h.client("203.0.113.1");
  await staff.login("coord@medianum.test");
});
afterAll(() => h.close());

async function queue(to: string, subject = "Inscription confirmée") {
  await enqueueEmail(h.db.prisma, { to, subject, text: "Bonjour,\n\nÀ bientôt." }, h.clock.now);
}

/** Only the DNS record the test publishes; every other name does not exist. */
function dnsWith(records: Record<string, string>) {
  return async (name: string, rrtype: string) => {
    const value = rrtype === "TXT" ? records[name.toLowerCase()] : undefined;
    if (value === undefined) throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: "ENOTFOUND" });
    return [[value]];
  };
}

describe("a real sender", () => {
  let mailbox: Mailbox;
  beforeAll(async () => {
    mailbox = await startMailbox();
  });
  afterAll(() => mailbox.close());

  it("signs with DKIM: the receiving side verifies the signature against the key published for the selector", async () => {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const p = publicKey.export({ type: "spki", format: "der" }).toString("base64");
    const to = `parent-${randomUUID().slice(0, 6)}@exemple.fr`;
    await queue(to);
    await mailbox.deliver(h, { from: FROM, replyTo: "conseillers-numeriques@lotetgaronne.fr", dkim: { domainName: "lotetgaronne.fr", keySelector: "medianum2026", privateKey: pem } });
    const [mail] = mailbox.to(to);
    const raw = mailbox.raw(mail!);

    const published = dnsWith({ "medianum2026._domainkey.lotetgaronne.fr": `v=DKIM1; k=rsa; p=${p}` });
    const ok = await authenticate(raw, { ip: "192.0.2.10", helo: "mx.lotetgaronne.fr", sender: "ne-pas-repondre@lotetgaronne.fr", mta: "mx.exemple.fr", resolver: published });
    expect(ok.dkim.results.map((r) => [r.signingDomain, r.selector, r.status.result])).toEqual([["lotetgaronne.fr", "medianum2026", "pass"]]);

    // The same message against another key fails: the check above is not a formality.
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "der" }).toString("base64");
    const wrongKey = dnsWith({ "medianum2026._domainkey.lotetgaronne.fr": `v=DKIM1; k=rsa; p=${other}` });
    const bad = await authenticate(raw, { ip: "192.0.2.10", helo: "mx.lotetgaronne.fr", sender: "ne-pas-repondre@lotetgaronne.fr", mta: "mx.exemple.fr", resolver: wrongKey });
    expect(bad.dkim.results[0]!.status.result).toBe("fail");
  });

  it("sends from MAIL_FROM with a Message-ID on its domain, and replies go to MAIL_REPLY_TO when the message names no one", async () => {
    const to = `parent-${randomUUID().slice(0, 6)}@exemple.fr`;
    await queue(to);
    await mailbox.deliver(h, { from: FROM, replyTo: "Conseillers numériques <conseillers-numeriques@lotetgaronne.fr>" });
    const [mail] = mailbox.to(to);
    expect(mail!.from?.value).toEqual([{ name: "Département de Lot-et-Garonne", address: "ne-pas-repondre@lotetgaronne.fr" }]);
    expect(mail!.messageId).toMatch(/^<[^@>]+@lotetgaronne\.fr>$/);
    expect(mail!.replyTo?.value.map((v) => v.address)).toEqual(["conseillers-numeriques@lotetgaronne.fr"]);
    expect(mail!.headers.get("auto-submitted")).toBe("auto-generated");
  });
});

describe("failures visible to the operator", () => {
  it("logs each failed attempt with the recipient masked and the next attempt; a message sent later keeps no next attempt", async () => {
    const mailbox = await startMailbox({ failFirst: 1 });
    try {
      const to = `nadia.benali-${randomUUID().slice(0, 6)}@exemple.fr`;
      await queue(to, "Rappel : atelier");
      const logs: { level: string; obj: Record<string, unknown>; msg: string }[] = [];
      const log = { warn: (obj: Record<string, unknown>, msg: string) => logs.push({ level: "warn", obj, msg }), error: (obj: Record<string, unknown>, msg: string) => logs.push({ level: "error", obj, msg }) };
      expect(await mailbox.deliver(h, { from: FROM, log })).toMatchObject({ sent: 0, retried: 1 });

      expect(logs).toHaveLength(1);
      const [entry] = logs;
      expect(entry!.level).toBe("warn");
      expect(entry!.obj).toMatchObject({ to: "n***@exemple.fr", attempt: 1, nextAttemptAt: "2026-11-25T10:01:00.000Z" });
      expect(String(entry!.obj["error"])).toMatch(/451/);
      expect(JSON.stringify(entry)).not.toContain("nadia.benali");
      expect(entry!.msg).toMatch(/nouvel essai/);

      const waiting = await h.db.prisma.outboxEmail.findFirstOrThrow({ where: { to } });
      expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
      expect(waiting.nextAttemptAt?.toISOString()).toBe("2026-11-25T10:01:00.000Z");

      // The dashboard tells staff a message waits after a failure.
      expect(await (await staff.api()).outbox.counts()).toMatchObject({ pending: 1, retrying: 1, failed: 0 });

      h.clock.now = new Date("2026-11-25T10:02:00Z");
      expect(await mailbox.deliver(h, { from: FROM, log })).toMatchObject({ sent: 1 });
      const sent = await h.db.prisma.outboxEmail.findFirstOrThrow({ where: { to } });
      expect(sent).toMatchObject({ status: "sent", attempts: 2, nextAttemptAt: null, lastError: null });
      expect(mailbox.to(to)).toHaveLength(1);
      expect(await (await staff.api()).outbox.counts()).toMatchObject({ pending: 0, failed: 0 });
    } finally {
      await mailbox.close();
    }
  });

  it("after the last attempt (server down) the message is failed with its reason, counted on the dashboard, and Renvoyer sends it once the server is back", async () => {
    const to = `famille-${randomUUID().slice(0, 6)}@exemple.fr`;
    await queue(to, "Séance modifiée");
    // Nothing listens on this port: the connection is refused, as during an outage.
    const down = await startMailbox();
    const deadUrl = down.url;
    await down.close();
    const { deliverOutbox } = await import("../src/mail/deliver.js");
    const { createSmtpTransport } = await import("../src/mail/transport.js");
    const logs: { level: string; obj: Record<string, unknown> }[] = [];
    const log = { warn: (obj: Record<string, unknown>) => logs.push({ level: "warn", obj }), error: (obj: Record<string, unknown>) => logs.push({ level: "error", obj }) };
    const transport = createSmtpTransport(deadUrl);
    try {
      for (let i = 0; i < 3; i++) {
        await deliverOutbox(h.db.prisma, transport, { from: FROM, now: h.clock.now, maxAttempts: 3, log });
        h.clock.now = new Date(h.clock.now.getTime() + 4 * 3_600_000);
      }
    } finally {
      transport.close?.();
    }
    expect(logs.map((l) => l.level)).toEqual(["warn", "warn", "error"]);
    expect(logs[2]!.obj).toMatchObject({ attempt: 3, nextAttemptAt: null });
    expect(String(logs[2]!.obj["error"])).toMatch(/ECONNREFUSED/);

    const api = await staff.api();
    const list = await api.outbox.list({ page: 0, status: "failed" });
    const item = list.items.find((m) => m.to === to)!;
    expect(item).toMatchObject({ status: "failed", attempts: 3, nextAttemptAt: null });
    expect(item.lastError).toMatch(/ECONNREFUSED/);
    expect((await api.outbox.message({ id: item.id })).lastError).toMatch(/ECONNREFUSED/);
    expect(await api.outbox.counts()).toMatchObject({ failed: 1, smtpConfigured: true });
    // Counsellors do not see the département's outbox.
    const c = await createUser(h.db, "counsellor", `c-${randomUUID().slice(0, 6)}@medianum.test`);
    const counsellor = h.client("203.0.113.9");
    await counsellor.login(c.user.email);
    expect((await errorOf(async () => (await counsellor.api()).outbox.counts())).code).toBe("FORBIDDEN");

    // "Renvoyer", then the server is back.
    expect(await api.outbox.retry({ id: item.id })).toEqual({ ok: true });
    const mailbox = await startMailbox();
    try {
      expect(await mailbox.deliver(h, { from: FROM })).toMatchObject({ sent: 1 });
      expect(mailbox.to(to).map((m) => m.subject)).toEqual(["Séance modifiée"]);
      expect(await api.outbox.counts()).toMatchObject({ pending: 0, failed: 0 });
    } finally {
      await mailbox.close();
    }
  });
});
