/** Sessions that started before this instant have their registrants' personal data anonymised. */
export function retentionCutoff(now: Date, months: number): Date {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/** Reminder window: sessions starting within `hoursBefore` hours from now (and not started yet). */
export function reminderWindow(now: Date, hoursBefore: number): { from: Date; to: Date } {
  return { from: now, to: new Date(now.getTime() + hoursBefore * 3_600_000) };
}
