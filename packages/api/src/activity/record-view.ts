import type { ActivityRecordModel as ActivityRecord } from "@medianum/db";
import { dateColumnToDay, participantBreakdownSchema, type ActivityRecordView } from "@medianum/domain";

type Row = ActivityRecord & { place?: { name: string } | null };

/** A stored record as the device keeps it (and as a conflict shows it). */
export function toRecordView(r: Row): ActivityRecordView {
  const breakdown = r.participantBreakdown == null ? null : participantBreakdownSchema.safeParse(r.participantBreakdown);
  return {
    id: r.id,
    type: r.type as ActivityRecordView["type"],
    version: r.version,
    date: dateColumnToDay(r.date),
    durationMinutes: r.durationMinutes,
    locationType: r.locationType as ActivityRecordView["locationType"],
    placeId: r.placeId,
    placeName: r.place?.name ?? null,
    communeInsee: r.communeInsee,
    themes: r.themes as ActivityRecordView["themes"],
    administrativeThemes: r.administrativeThemes as ActivityRecordView["administrativeThemes"],
    administrativeDetail: r.administrativeDetail,
    equipment: r.equipment as ActivityRecordView["equipment"],
    notes: r.notes,
    autonomy: r.autonomy as ActivityRecordView["autonomy"],
    redirectionStructure: r.redirectionStructure as ActivityRecordView["redirectionStructure"],
    gender: r.gender as ActivityRecordView["gender"],
    ageBracket: r.ageBracket as ActivityRecordView["ageBracket"],
    socialStatus: r.socialStatus as ActivityRecordView["socialStatus"],
    beneficiaryId: r.beneficiaryId,
    workshopTitle: r.workshopTitle,
    workshopLevel: r.workshopLevel as ActivityRecordView["workshopLevel"],
    participantsCount: r.participantsCount,
    breakdown: breakdown?.success ? breakdown.data : null,
    workshopSessionId: r.workshopSessionId,
    collegeSessionId: r.collegeSessionId,
    updatedAt: r.updatedAt,
  };
}
