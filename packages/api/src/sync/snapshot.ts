/** Records kept on the device: this year's (for my figures) and at least the last 120 days. */
export const SNAPSHOT_RECORD_DAYS = 120;
export const SNAPSHOT_RECORD_MAX = 3000;
