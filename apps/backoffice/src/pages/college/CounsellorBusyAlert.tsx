import { busyKinds, formatDateTime, formatDuration, type ValueOf } from "@medianum/domain";
import { Alert } from "@medianum/ui";

export interface BusyLine {
  key: string | number;
  /** Which of the planned dates is concerned, when several are planned at once (« Créneau du … à … »). */
  planned?: string;
  counsellorName: string;
  kind: ValueOf<typeof busyKinds>;
  title: string;
  startsAt: Date;
  durationMinutes: number;
}

/** The warning that a counsellor is already busy at a planned time: the same words wherever sessions or slots are planned. */
export function CounsellorBusyAlert({ lines, advice }: { lines: readonly BusyLine[]; advice: string }) {
  return (
    <Alert type="warning" role="alert" title="Attention : conseiller déjà occupé à ce moment-là">
      <ul>
        {lines.map((l) => (
          <li key={l.key}>
            {l.planned ? `${l.planned} — ` : ""}
            {l.counsellorName} : {busyKinds.label(l.kind)} « {l.title} », {formatDateTime(l.startsAt)} ({formatDuration(l.durationMinutes)})
          </li>
        ))}
      </ul>
      <p>{advice}</p>
    </Alert>
  );
}
