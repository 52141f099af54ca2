/** Settings the API needs, read once by the server from the environment (see README). */
export interface ApiConfig {
  /** "production" sets the Secure flag on cookies and hides error details. */
  environment: "production" | "development" | "test";
  /** Lifetime of a login session, sliding. Long enough for a counsellor's offline week. */
  sessionTtlHours: number;
}

export const defaultApiConfig: ApiConfig = {
  environment: "development",
  sessionTtlHours: 24 * 14,
};
