import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// Public portal, served at the site root. Budget: initial JS + CSS under 100 KB gzip (the booking
// page, with zod, is a separate chunk loaded on demand).
export default defineConfig({
  base: "/",
  plugins: [react()],
  build: {
    outDir: "dist",
  },
  server: {
    port: 5173,
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
});
