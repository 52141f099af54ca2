import "@medianum/ui/theme.css";
import "@medianum/ui/bottom-nav.css";
import "./app.css";
import { createRoot, hydrateRoot } from "react-dom/client";
import { queryClient } from "@medianum/api-client";
import { Root } from "./Root.js";

const container = document.getElementById("root")!;
// login.html (sent on a first visit without a session cookie) holds the login form, drawn at build
// time: React takes it over, keeping what was already typed. The service worker's copy of
// index.html is empty: a device that remembers its counsellor opens on the app, never on the form.
if (container.hasChildNodes()) {
  hydrateRoot(container, <Root queryClient={queryClient} startOnLogin />);
} else {
  createRoot(container).render(<Root queryClient={queryClient} startOnLogin={false} />);
}
