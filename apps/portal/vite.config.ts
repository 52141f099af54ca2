import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { defineConfig, type Alias } from "vite";
import react from "@vitejs/plugin-react";

// Public portal, served at the site root. Budget: initial JS + CSS under 100 KB gzip (the booking
// page, with zod, is a separate chunk loaded on demand).
// `vite build --ssr src/entry-server.tsx` makes the server's renderer of the catalogue: one
// self-contained file in dist-server/ (React included), loaded by apps/server at start-up.
// PORTAL_PREACT=1 (`pnpm build:preact`): the same portal with preact/compat in place of React,
// in dist-preact/, only for `pnpm bench:paint` to weigh the switch; it is not served.
const preact = process.env.PORTAL_PREACT === "1";

function preactAliases(): Alias[] {
  // Absolute paths: the libraries importing "react" (TanStack Query, wouter) do not depend on preact.
  const dir = dirname(createRequire(import.meta.url).resolve("preact/package.json"));
  return [
    { find: /^react-dom\/client$/, replacement: join(dir, "compat", "client.mjs") },
    { find: /^react-dom$/, replacement: join(dir, "compat", "dist", "compat.mjs") },
    { find: /^react\/jsx-(dev-)?runtime$/, replacement: join(dir, "jsx-runtime", "dist", "jsxRuntime.mjs") },
    { find: /^react$/, replacement: join(dir, "compat", "dist", "compat.mjs") },
  ];
}

export default defineConfig(({ isSsrBuild }) => ({
  base: preact ? "/bench-preact/" : "/",
  plugins: [react()],
  resolve: preact ? { alias: preactAliases() } : {},
  build: {
    outDir: isSsrBuild ? "dist-server" : preact ? "dist-preact" : "dist",
    rollupOptions: {
      // @trpc/client does not declare itself free of side effects, so its WebSocket link (unused:
      // we only batch over HTTP) stayed in the first load; its module has none at import time.
      treeshake: { moduleSideEffects: (id: string) => !/@trpc[\\/]client[\\/]dist[\\/]wsLink-/.test(id) },
    },
  },
  ...(isSsrBuild
    ? {
        publicDir: false as const,
        ssr: { noExternal: true, target: "node" as const },
        define: { "process.env.NODE_ENV": JSON.stringify("production") },
      }
    : {}),
  server: {
    port: 5173,
    // /integration: the embeddable catalogue is drawn by the server (apps/server/src/embed-page.ts).
    proxy: { "/api": "http://127.0.0.1:3000", "/integration": "http://127.0.0.1:3000" },
  },
}));
