export * from "./roles.js";
export * from "./proconnect.js";
export * from "./totp.js";
