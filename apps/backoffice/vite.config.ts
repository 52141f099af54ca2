import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// Staff back-office, served under /pilotage/ (the server falls back to its index.html).
// `vite build --ssr src/entry-server.tsx` draws the login page once at build time (dist/login.html,
// see tooling/scripts/prerender-login.mjs), sent to visitors who come without a session.
export default defineConfig(({ isSsrBuild }) => ({
  base: "/pilotage/",
  plugins: [react()],
  build: {
    outDir: isSsrBuild ? "dist-server" : "dist",
  },
  ...(isSsrBuild
    ? {
        publicDir: false as const,
        ssr: { noExternal: true, target: "node" as const },
        define: { "process.env.NODE_ENV": JSON.stringify("production") },
      }
    : {}),
  server: {
    port: 5174,
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
}));
