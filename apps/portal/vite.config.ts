import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// Public portal, served at the site root. Budget: initial JS + CSS under 100 KB gzip (the booking
// page, with zod, is a separate chunk loaded on demand).
// `vite build --ssr src/entry-server.tsx` makes the server's renderer of the catalogue: one
// self-contained file in dist-server/ (React included), loaded by apps/server at start-up.
export default defineConfig(({ isSsrBuild }) => ({
  base: "/",
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
    port: 5173,
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
}));
