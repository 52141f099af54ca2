import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { VitePWA } from "vite-plugin-pwa";

// Counsellor PWA, served under /conseiller/. The service worker precaches the app shell so that
// after one online visit the app opens with no network; data lives in IndexedDB, not in the SW.
// `vite build --ssr src/entry-server.tsx` draws the login page once at build time (dist/login.html,
// see tooling/scripts/prerender-login.mjs); it is not precached: the worker's index.html stays empty.
export default defineConfig(({ isSsrBuild }) => ({
  base: "/conseiller/",
  plugins: [
    react(),
    !isSsrBuild &&
    VitePWA({
      strategies: "generateSW",
      // Registered by src/offline/service-worker.ts (update prompt instead of a surprise reload mid-form).
      injectRegister: false,
      registerType: "prompt",
      // The hand-written public/manifest.webmanifest is kept as it is.
      manifest: false,
      filename: "sw.js",
      scope: "/conseiller/",
      workbox: {
        globPatterns: ["**/*.{js,css,html,svg,png,webmanifest,woff2}"],
        navigateFallback: "/conseiller/index.html",
        // Only this app's pages: the portal, the back-office and the API are never answered by this worker.
        navigateFallbackAllowlist: [/^\/conseiller(\/|$)/],
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: false,
        runtimeCaching: [],
      },
      devOptions: { enabled: false },
    }),
  ],
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
    port: 5175,
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
}));
