import { TRPCError } from "@trpc/server";

type Code = ConstructorParameters<typeof TRPCError>[0]["code"];

/**
 * An error whose French message is meant for the person using the app, with optional data the
 * UI can use (e.g. seats left). Unexpected errors never reach the client with their message.
 */
export class UserFacingError extends TRPCError {
  readonly details: Record<string, unknown> | undefined;
  constructor(code: Code, message: string, details?: Record<string, unknown>) {
    super({ code, message });
    this.details = details;
  }
}

export const notFound = (what = "Cet élément") => new UserFacingError("NOT_FOUND", `${what} est introuvable.`);
