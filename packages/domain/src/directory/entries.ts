import { z } from "zod";
import { partnerKinds, placeServices, placeTypes, openingHoursSchema, type OpeningHours } from "../places/place-types.js";

/**
 * One entry of the orientation directory ("who does what where"): a place of ours or a partner
 * structure, with what a counsellor needs to send a person there on the spot.
 */
export const directoryEntry = z.object({
  id: z.uuid(),
  source: z.enum(["place", "partner"]),
  name: z.string(),
  /** Label of the place type or partner kind, in French. */
  kindLabel: z.string(),
  services: z.array(placeServices.schema),
  description: z.string().nullable(),
  address: z.string().nullable(),
  postalCode: z.string().nullable(),
  communeInsee: z.string().nullable(),
  communeName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  openingHours: openingHoursSchema,
  accessInfo: z.string().nullable(),
  /** WGS 84, as in the national places standard (latitude, longitude); null when not known. */
  latitude: z.number().min(-90).max(90).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
});
export type DirectoryEntry = z.infer<typeof directoryEntry>;

export function placeKindLabel(type: string): string {
  return placeTypes.has(type) ? placeTypes.label(type) : "Lieu";
}
export function partnerKindLabel(kind: string): string {
  return partnerKinds.has(kind) ? partnerKinds.label(kind) : "Structure partenaire";
}

/** Lower case, without accents or punctuation: "Sainte-Livrade" matches "ste livrade"'s words. */
export function normalizeForSearch(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\bste?\b/g, (m) => (m === "st" ? "saint" : "sainte"))
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export interface DirectoryQuery {
  /** Commune name or postcode, as typed. */
  commune?: string;
  service?: string;
  /** Free text: name, kind, description. */
  text?: string;
}

/**
 * Filters the directory the same way online and offline: a commune by name (any word order,
 * accents optional) or postcode, a service, free words; sorted by commune then name.
 */
export function searchDirectory<T extends DirectoryEntry>(entries: readonly T[], q: DirectoryQuery): T[] {
  const commune = q.commune ? normalizeForSearch(q.commune) : "";
  const words = q.text ? normalizeForSearch(q.text).split(" ").filter(Boolean) : [];
  return entries
    .filter((e) => {
      if (q.service && !e.services.includes(q.service as T["services"][number])) return false;
      if (commune) {
        const name = normalizeForSearch(e.communeName ?? "");
        const postal = e.postalCode ?? "";
        if (!(name.includes(commune) || (/^\d+$/.test(commune) && postal.startsWith(commune)))) return false;
      }
      if (words.length) {
        const hay = normalizeForSearch([e.name, e.kindLabel, e.description ?? "", e.communeName ?? ""].join(" "));
        if (!words.every((w) => hay.includes(w))) return false;
      }
      return true;
    })
    .sort((a, b) => (a.communeName ?? "").localeCompare(b.communeName ?? "", "fr") || a.name.localeCompare(b.name, "fr"));
}

/**
 * Links to show where an entry is. With coordinates: a geo: URI (RFC 5870), which the phone's
 * own map application opens, offline maps included, and the OpenStreetMap page of the point.
 * Without: an OpenStreetMap search for the address (needs the network).
 */
export function directoryMapLinks(e: Pick<DirectoryEntry, "name" | "address" | "postalCode" | "communeName"> & { latitude?: number | null; longitude?: number | null }) {
  if (e.latitude != null && e.longitude != null) {
    const lat = e.latitude.toFixed(6);
    const lon = e.longitude.toFixed(6);
    return {
      geo: `geo:${lat},${lon}?q=${lat},${lon}(${encodeURIComponent(e.name)})`,
      osm: `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=18/${lat}/${lon}`,
    };
  }
  const address = [e.address, e.postalCode, e.communeName].filter(Boolean).join(" ");
  return { geo: null, osm: address ? `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}` : null };
}

/** Whether an entry is open at a given local weekday and time ("mon", "14:30"). */
export function isOpenAt(hours: OpeningHours, day: string, time: string): boolean {
  return hours.some((h) => h.day === day && h.opens <= time && time < h.closes);
}
