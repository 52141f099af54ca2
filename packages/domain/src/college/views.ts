import { z } from "zod";
import { classLevels, collegeTopics, requesterRoles } from "./request.js";
import { collegeRequestStatuses } from "./request-status.js";

export const collegeRequestListItem = z.object({
  id: z.uuid(),
  uai: z.string(),
  establishmentName: z.string(),
  communeName: z.string(),
  requesterName: z.string(),
  status: collegeRequestStatuses.schema,
  topics: z.array(collegeTopics.schema),
  classesCount: z.number().int(),
  pupils: z.number().int(),
  createdAt: z.date(),
});

export const collegeRequestDetail = z.object({
  id: z.uuid(),
  uai: z.string(),
  establishmentName: z.string(),
  communeName: z.string(),
  requesterName: z.string(),
  requesterRole: requesterRoles.schema,
  email: z.string(),
  phone: z.string().nullable(),
  status: collegeRequestStatuses.schema,
  declineReason: z.string().nullable(),
  topics: z.array(collegeTopics.schema),
  otherTopic: z.string().nullable(),
  periods: z.array(z.object({ from: z.string(), to: z.string() })),
  constraints: z.string().nullable(),
  createdAt: z.date(),
  classes: z.array(z.object({ id: z.uuid(), level: classLevels.schema, name: z.string().nullable(), pupils: z.number().int() })),
  events: z.array(
    z.object({
      fromStatus: collegeRequestStatuses.schema.nullable(),
      toStatus: collegeRequestStatuses.schema,
      actorType: z.enum(["staff", "college", "counsellor"]),
      reason: z.string().nullable(),
      createdAt: z.date(),
    }),
  ),
});
