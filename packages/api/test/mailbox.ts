import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { deliverOutbox, type DeliveryOptions } from "../src/mail/deliver.js";
import { createSmtpTransport, type DkimSettings } from "../src/mail/transport.js";
import type { Harness } from "./harness.js";

/**
 * A real SMTP server in the test process, and the real delivery worker sending the outbox to it:
 * what the recipients receive, personal links included (they exist only in the delivered e-mail).
 */
export async function startMailbox(opts: { failFirst?: number } = {}) {
  const received: ParsedMail[] = [];
  /** Each received message as the SMTP server got it (MIME parts, signature). */
  const raw = new Map<ParsedMail, Buffer>();
  let toFail = opts.failFirst ?? 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      if (toFail > 0) {
        toFail -= 1;
        stream.resume();
        stream.on("end", () => callback(Object.assign(new Error("451 boîte temporairement indisponible"), { responseCode: 451 })));
        return;
      }
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const source = Buffer.concat(chunks);
        simpleParser(source)
          .then((mail) => {
            received.push(mail);
            raw.set(mail, source);
            callback();
          })
          .catch(callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  const url = `smtp://127.0.0.1:${port}`;
  return {
    url,
    received,
    /** Runs the delivery worker at the harness's clock until nothing is left to send now; the summed report. */
    raw: (mail: ParsedMail) => raw.get(mail)!,
    async deliver(h: Harness, opts: Partial<Omit<DeliveryOptions, "now">> & { dkim?: DkimSettings } = {}) {
      const { dkim, ...options } = opts;
      const transport = createSmtpTransport(url, { dkim });
      const total = { sent: 0, retried: 0, failed: 0, obsolete: 0 };
      try {
        for (;;) {
          const r = await deliverOutbox(h.db.prisma, transport, { from: "Médianum <test@medianum.test>", now: h.clock.now, ...options });
          for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += r[k];
          if (r.sent + r.retried + r.failed + r.obsolete === 0) return total;
        }
      } finally {
        transport.close?.();
      }
    },
    /** Messages received by `to`, oldest first. */
    to(to: string): ParsedMail[] {
      return received.filter((m) => addressesOf(m).includes(to.toLowerCase()));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type Mailbox = Awaited<ReturnType<typeof startMailbox>>;

function addressesOf(m: ParsedMail): string[] {
  const to = Array.isArray(m.to) ? m.to : m.to ? [m.to] : [];
  return to.flatMap((a) => a.value.map((v) => (v.address ?? "").toLowerCase()));
}

/** The token of the first link of `path` ("/inscription/", "/colleges/suivi/", "mot-de-passe?jeton=") in a received message. */
export function tokenIn(mail: ParsedMail | undefined, path: string): string {
  const text = mail?.text ?? "";
  const m = new RegExp(`${path.replace(/[?/]/g, (c) => `\\${c}`)}([A-Za-z0-9_-]{20,})`).exec(text);
  if (!m) throw new Error(`no link ${path} in:\n${text}`);
  return m[1]!;
}
