export * from "./registration.js";
export * from "./seats.js";
export * from "./views.js";
export * from "./manage.js";
export * from "./attendance.js";
export * from "./retention.js";
export * from "./contact-seats.js";
export * from "./check-in.js";
