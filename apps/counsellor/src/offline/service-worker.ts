import { Workbox } from "workbox-window";

/**
 * Registers the service worker that makes the app open offline. A new version waits until the
 * person chooses to update (a reload in the middle of a form would lose what is typed).
 */
export function registerServiceWorker(onUpdateReady: (apply: () => void) => void) {
  if (!("serviceWorker" in navigator) || import.meta.env.DEV) return;
  const wb = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });
  wb.addEventListener("waiting", () => {
    onUpdateReady(() => {
      wb.addEventListener("controlling", () => window.location.reload());
      wb.messageSkipWaiting();
    });
  });
  void wb.register();
}
