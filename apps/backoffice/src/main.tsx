import "@medianum/ui/theme.css";
import "@medianum/ui/collapsible-nav.css";
import "@medianum/ui/actions-menu.css";
import "./backoffice.css";
import { createRoot, hydrateRoot } from "react-dom/client";
import { queryClient } from "@medianum/api-client";
import { Root } from "./Root.js";

const container = document.getElementById("root")!;
// login.html (sent when no session cookie came with the request) holds the login form, drawn at
// build time: React takes it over, keeping what was already typed and where the focus is.
if (container.hasChildNodes()) {
  hydrateRoot(container, <Root queryClient={queryClient} startOnLogin />);
} else {
  createRoot(container).render(<Root queryClient={queryClient} startOnLogin={false} />);
}
