// Who may call each procedure of the API: the expected table, kept as data. authorization.test.ts
// walks every procedure of appRouter against it, as each kind of caller: a procedure added without
// its line here fails that test (and so does a line left for a procedure that is gone).
//
//   public      anyone, logged in or not (portal, login, links carrying their own token)
//   authed      any logged-in account
//   staff       coordination and administrators (back-office)
//   admin       administrators only
//   counsellor  counsellors only (their own data: the counsellor app)

export type Access = "public" | "authed" | "staff" | "admin" | "counsellor";
export type Caller = "anonymous" | "counsellor" | "coordinator" | "admin";

export const CALLERS: readonly Caller[] = ["anonymous", "counsellor", "coordinator", "admin"];

export const ALLOWED: Record<Access, readonly Caller[]> = {
  public: ["anonymous", "counsellor", "coordinator", "admin"],
  authed: ["counsellor", "coordinator", "admin"],
  staff: ["coordinator", "admin"],
  admin: ["admin"],
  counsellor: ["counsellor"],
};

export const AUTHORIZATION_MATRIX: Record<string, Access> = {
  // Account
  "auth.login": "public",
  "auth.logout": "public",
  "auth.me": "public",
  "auth.logoutEverywhere": "authed",
  // Second step of a login (any account that gave its password; refused unless it owes a code)
  "totp.verify": "authed",
  // TOTP of administrators: their own setup and switch-off, a colleague's reset
  "totp.status": "admin",
  "totp.beginSetup": "admin",
  "totp.confirmSetup": "admin",
  "totp.disable": "admin",
  "totp.admins": "admin",
  "totp.resetFor": "admin",

  // Portal: parents (bookings, manage link)
  "booking.upcomingSessions": "public",
  "booking.filterOptions": "public",
  "booking.communes": "public",
  "booking.session": "public",
  "booking.book": "public",
  "booking.manage": "public",
  "booking.cancel": "public",
  "booking.reduceSeats": "public",

  // Portal: collèges (request, tracking link)
  "college.communes": "public",
  "college.submit": "public",
  "college.tracking": "public",
  "college.trackingCancel": "public",
  "college.trackingMessage": "public",
  "collegeSlot.search": "public",
  "collegeSlot.slot": "public",
  "collegeSlot.book": "public",

  // Portal: feedback questionnaires (link of an e-mail or a QR code, collège tracking link)
  "feedback.link": "public",
  "feedback.submit": "public",
  "feedback.refuse": "public",
  "feedback.collegePending": "public",
  "feedback.collegeSubmit": "public",
  // Counsellor app: QR keys; back-office: figures and comments
  "feedback.issueKeys": "counsellor",
  "feedback.figures": "staff",
  "feedback.comments": "staff",
  "feedback.setCommentHidden": "staff",

  // Set-password link of an invitation or a reset
  "team.checkLink": "public",
  "team.setPassword": "public",

  // Shared by the counsellor app and the back-office
  "activity.places": "authed",
  "directory.entries": "authed",

  // Counsellor app: only the counsellor's own sessions, records, cheques and figures
  "agenda.mine": "counsellor",
  "activity.defaults": "counsellor",
  "activity.createIndividual": "counsellor",
  "activity.mine": "counsellor",
  "booking.mySessions": "counsellor",
  "booking.attendanceSheet": "counsellor",
  "booking.recordAttendance": "counsellor",
  "college.mySession": "counsellor",
  "college.report": "counsellor",
  "passNumerique.mine": "counsellor",
  "myFigures.get": "counsellor",
  "sync.push": "counsellor",
  "sync.snapshot": "counsellor",

  // Back-office: steering
  "stats.dashboard": "staff",
  "stats.objectives": "staff",
  "stats.setObjectives": "staff",
  "territory.overview": "staff",
  "territory.options": "staff",
  "territory.importFragility": "staff",
  "activityStaff.recent": "staff",
  "passNumerique.stock": "staff",
  "audit.list": "staff",
  "audit.facets": "staff",

  // Back-office: places and partners
  "places.list": "staff",
  "places.get": "staff",
  "places.create": "staff",
  "places.update": "staff",
  "places.delete": "staff",
  "places.partners": "staff",
  "places.createPartner": "staff",
  "places.updatePartner": "staff",
  "places.deletePartner": "staff",
  "places.standardExport": "staff",

  // Back-office: workshops, sessions and registrations
  "workshop.sessions": "staff",
  "workshop.sessionRegistrations": "staff",
  "workshop.workshops": "staff",
  "workshop.createWorkshop": "staff",
  "workshop.updateWorkshop": "staff",
  "workshop.sessionChoices": "staff",
  "workshop.session": "staff",
  "workshop.createSession": "staff",
  "workshop.updateSession": "staff",
  "workshop.duplicateSession": "staff",
  "workshop.cancelSession": "staff",
  "workshop.addRegistration": "staff",
  "workshop.cancelRegistration": "staff",
  "workshop.moveRegistration": "staff",
  "workshop.exportRegistrations": "staff",

  // Back-office: collège requests
  "college.requests": "staff",
  "college.request": "staff",
  "college.territories": "staff",
  "college.counsellors": "staff",
  "college.startReview": "staff",
  "college.decline": "staff",
  "college.cancel": "staff",
  "college.schedule": "staff",
  "college.cancelSession": "staff",
  "college.sendMessage": "staff",
  "college.figures": "staff",
  "collegeSlot.list": "staff",
  "collegeSlot.publish": "staff",
  "collegeSlot.withdraw": "staff",
  "collegeSlot.figures": "staff",

  // Back-office: outgoing e-mail
  "outbox.counts": "staff",
  "outbox.list": "staff",
  "outbox.message": "staff",
  "outbox.retry": "staff",

  // Back-office: the team (the list and counsellors' posts for coordination; accounts for admins)
  "team.list": "staff",
  "team.updatePost": "staff",
  "team.invite": "admin",
  "team.resetPassword": "admin",
  "team.disable": "admin",
  "team.enable": "admin",
  "team.changeRole": "admin",
};
