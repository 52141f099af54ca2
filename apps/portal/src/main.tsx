import "@medianum/ui/theme.css";
import "./portal.css";
import { createRoot, hydrateRoot } from "react-dom/client";
import { adoptServerQueryState, queryClient } from "@medianum/api-client";
import { Root } from "./Root.js";

const container = document.getElementById("root")!;
// The server sends the catalogue already rendered, with the data it used: React takes over that
// HTML (nothing is redrawn, the cards stay on screen) instead of building the page again.
if (container.hasChildNodes() && adoptServerQueryState(queryClient)) {
  hydrateRoot(container, <Root queryClient={queryClient} />);
} else {
  container.replaceChildren();
  createRoot(container).render(<Root queryClient={queryClient} />);
}
