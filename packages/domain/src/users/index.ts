export * from "./roles.js";
export * from "./totp.js";
