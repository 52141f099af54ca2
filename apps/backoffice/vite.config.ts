import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// Staff back-office, served under /pilotage/ (the server falls back to its index.html).
export default defineConfig({
  base: "/pilotage/",
  plugins: [react()],
  build: {
    outDir: "dist",
  },
  server: {
    port: 5174,
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
});
