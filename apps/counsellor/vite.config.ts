import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// Counsellor PWA, served under /conseiller/ (manifest scope /conseiller/; service worker in a later issue).
export default defineConfig({
  base: "/conseiller/",
  plugins: [react()],
  build: {
    outDir: "dist",
  },
  server: {
    port: 5175,
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
});
