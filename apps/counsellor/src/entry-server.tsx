import { prerender } from "react-dom/static";
import { createQueryClient } from "@medianum/api-client";
import { APP_TITLE } from "./common.js";
import { Root } from "./Root.js";

/**
 * The login page drawn at build time (`vite build --ssr`, then tooling/scripts/prerender-login.mjs
 * writes dist/login.html): what a first-time visitor without a session sees before the script has run.
 */
export async function renderLogin(): Promise<{ html: string; title: string }> {
  const { prelude } = await prerender(<Root queryClient={createQueryClient()} startOnLogin ssrPath={import.meta.env.BASE_URL} />, {
    progressiveChunkSize: Number.MAX_SAFE_INTEGER,
  });
  return { html: await new Response(prelude).text(), title: `Connexion — ${APP_TITLE}` };
}
