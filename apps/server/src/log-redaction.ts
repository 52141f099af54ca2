/**
 * Request URLs as logged: links carry secret tokens (manage link, tracking link, password link)
 * and tRPC queries carry their input in the query string, so neither may reach the logs.
 */
export function redactUrl(url: string): string {
  const [path = "", query] = url.split("?", 2);
  // Our tokens are 256 bits in base64url (43 characters); ids (UUIDs, 36) stay readable.
  const safePath = path.replace(/[A-Za-z0-9_-]{40,}/g, "[jeton]");
  return query === undefined ? safePath : `${safePath}?[…]`;
}
