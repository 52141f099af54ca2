import { dateColumnToDay, dayToDateColumn, instantToParisDay, parisDayTimeToInstant } from "@medianum/domain";

// mulberry32: a tiny seeded PRNG, so that the demo data (and the counts tests rely on) are the same
// on every run; Math.random cannot be seeded.
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick from an empty list");
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T extends string>(weights: Readonly<Partial<Record<T, number>>>): T {
    const entries = Object.entries(weights) as [T, number][];
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }
  /** Up to `count` distinct values drawn by weight. */
  weightedDistinct<T extends string>(weights: Readonly<Partial<Record<T, number>>>, count: number): T[] {
    const left: Partial<Record<T, number>> = { ...weights };
    const out: T[] = [];
    while (out.length < count && Object.keys(left).length > 0) {
      const v = this.weighted(left);
      out.push(v);
      delete left[v];
    }
    return out;
  }
  /** Splits `n` people across categories by weight; only non-zero counts are kept. */
  spread<T extends string>(n: number, weights: Readonly<Partial<Record<T, number>>>): Partial<Record<T, number>> {
    const out: Partial<Record<T, number>> = {};
    for (let i = 0; i < n; i++) {
      const v = this.weighted(weights);
      out[v] = (out[v] ?? 0) + 1;
    }
    return out;
  }
}

// ─── Dates in the département's time zone ──────────────────────────────────

const DAY_MS = 86_400_000;

/** The calendar day (in Paris) of an instant, as UTC midnight: the form of `@db.Date` columns. */
export function parisDay(instant: Date): Date {
  return dayToDateColumn(instantToParisDay(instant));
}

export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

/** The instant of hh:mm, Paris time, on a calendar day (UTC midnight form). */
export function parisTime(day: Date, hour: number, minute = 0): Date {
  const pad = (n: number) => String(n).padStart(2, "0");
  return parisDayTimeToInstant(dateColumnToDay(day), `${pad(hour)}:${pad(minute)}`);
}

/** 0 = Sunday … 6 = Saturday, for a calendar day in UTC midnight form. */
export function weekday(day: Date): number {
  return day.getUTCDay();
}

export function isoDate(day: Date): string {
  return dateColumnToDay(day);
}

/** Fixed-date public holidays in France (Easter-based ones are not worth the code for demo data). */
const FIXED_HOLIDAYS = new Set(["01-01", "05-01", "05-08", "07-14", "08-15", "11-01", "11-11", "12-25"]);

/** Sundays and fixed public holidays: nobody works or holds a workshop. */
export function isClosedDay(day: Date): boolean {
  return weekday(day) === 0 || FIXED_HOLIDAYS.has(isoDate(day).slice(5));
}
