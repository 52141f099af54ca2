import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A real SMTP server in the test process: it accepts everything and keeps the parsed messages. */
export async function startSmtpServer(opts: { failFirst?: number } = {}) {
  const received: ParsedMail[] = [];
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
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** The iCalendar part of a message, as text. */
    icsOf(mail: ParsedMail): string | undefined {
      const part = mail.attachments.find((a) => a.contentType.startsWith("text/calendar") || a.filename?.endsWith(".ics"));
      return part?.content.toString("utf8");
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
