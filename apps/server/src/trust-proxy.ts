import { BlockList, isIP } from "node:net";

/**
 * TRUST_PROXY: which peers may tell the client's address in X-Forwarded-For.
 * - `false`: none (the server faces the internet directly);
 * - a hop count (`1`): that many proxies, each at a loopback or private address;
 * - proxy addresses or CIDRs, comma-separated (`127.0.0.1`, `10.0.0.0/8,fd00::/8`).
 * `true` (every hop) is refused: anyone can prepend addresses to X-Forwarded-For, so the
 * leftmost one is whatever the client wrote, and per-IP limits and the audit trail would believe it.
 */
export type TrustProxySetting = false | { hops: number } | { addresses: string };

const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

export const TRUST_EVERY_HOP_REFUSED =
  "« true » ferait confiance à toute la chaîne X-Forwarded-For, que n'importe quel client peut écrire lui-même. " +
  "Indiquez plutôt l'adresse du proxy inverse (TRUST_PROXY=127.0.0.1 pour nginx sur la même machine, plusieurs séparées par des virgules, " +
  "ou des plages comme 10.0.0.0/8), ou le nombre de proxys devant le serveur (TRUST_PROXY=1).";

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/** Reads TRUST_PROXY; the error message says what to write instead. */
export function parseTrustProxy(raw: string | undefined): { ok: true; value: TrustProxySetting } | { ok: false; message: string } {
  const v = (raw ?? "").trim().toLowerCase();
  if (v === "" || v === "false" || v === "no" || v === "0") return { ok: true, value: false };
  if (v === "true" || v === "yes") return { ok: false, message: TRUST_EVERY_HOP_REFUSED };
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops > 10) return { ok: false, message: `${hops} proxys les uns derrière les autres ? Indiquez leur nombre réel (souvent 1) ou leurs adresses.` };
    return { ok: true, value: { hops } };
  }
  const entries = v.split(",").map((e) => e.trim());
  const wrong = entries.filter((e) => !isAddressOrRange(e));
  if (wrong.length > 0) {
    return {
      ok: false,
      message: `« ${wrong.join(", ")} » n'est pas une adresse IP ni une plage (exemples : 127.0.0.1, 10.0.0.0/8, ::1). Valeurs possibles : false, un nombre de proxys (1) ou des adresses séparées par des virgules.`,
    };
  }
  return { ok: true, value: { addresses: entries.join(",") } };
}

// Where a proxy counted by hops may be: a public address is a client talking to us directly.
const privateRanges = new BlockList();
for (const [net, prefix] of [["127.0.0.0", 8], ["10.0.0.0", 8], ["172.16.0.0", 12], ["192.168.0.0", 16], ["169.254.0.0", 16], ["100.64.0.0", 10]] as const) {
  privateRanges.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [["::1", 128], ["fc00::", 7], ["fe80::", 10]] as const) privateRanges.addSubnet(net, prefix, "ipv6");

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const a = mapped ? mapped[1]! : address;
  const family = isIP(a);
  if (family === 0) return false;
  return privateRanges.check(a, family === 4 ? "ipv4" : "ipv6");
}

/**
 * Fastify's `trustProxy` for a setting. A hop count becomes a function, as Fastify no longer
 * trusts bare hop counts (a client reaching the server directly could then forge its address):
 * here each counted hop must also be at a private address, which a direct client's is not.
 */
export function fastifyTrustProxy(setting: TrustProxySetting): boolean | string | ((address: string, hop: number) => boolean) {
  if (setting === false) return false;
  if ("addresses" in setting) return setting.addresses;
  const { hops } = setting;
  return (address, hop) => hop < hops && isPrivateAddress(address);
}
