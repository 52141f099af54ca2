import { afterEach, describe, expect, it, vi } from "vitest";
import { act, cleanup, render, screen, waitFor } from "@testing-library/react";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { ProConnectLogin } from "./ProConnectLogin.js";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, "", "/");
});

/** The server's answer to GET /api/auth/proconnect/config (the server side is tested in apps/server/test/proconnect.test.ts). */
function serverSays(enabled: boolean) {
  const fetch = vi.fn().mockResolvedValue(new Response(JSON.stringify({ enabled }), { headers: { "content-type": "application/json" } }));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

describe("ProConnectLogin", () => {
  it("is absent from the page drawn at build time, then shows the button once the server says ProConnect is on", async () => {
    const fetch = serverSays(true);
    const html = renderToString(<ProConnectLogin app="pilotage" />);
    expect(html).not.toContain("ProConnect");
    const container = document.createElement("div");
    container.innerHTML = html;
    document.body.append(container);
    const errors = vi.spyOn(console, "error");
    const root = await act(async () => hydrateRoot(container, <ProConnectLogin app="pilotage" />));
    const link = await screen.findByRole("link", { name: "Se connecter avec ProConnect" });
    expect(link.getAttribute("href")).toBe("/api/auth/proconnect/login?app=pilotage");
    expect(fetch).toHaveBeenCalledWith("/api/auth/proconnect/config", expect.anything());
    expect(errors).not.toHaveBeenCalled();
    act(() => root.unmount());
    container.remove();
  });

  it("shows no button on an instance without ProConnect, nor when the server cannot be reached", async () => {
    const fetch = serverSays(false);
    render(<ProConnectLogin app="conseiller" />);
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    await act(async () => undefined);
    expect(screen.queryByRole("link", { name: /ProConnect/ })).toBeNull();
    cleanup();
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new TypeError("Failed to fetch")));
    render(<ProConnectLogin app="conseiller" />);
    await act(async () => undefined);
    expect(screen.queryByRole("link", { name: /ProConnect/ })).toBeNull();
  });

  it("says in French why a ProConnect login was refused, once", async () => {
    serverSays(true);
    window.history.replaceState(null, "", "/pilotage/?proconnect=compte-inconnu");
    render(<ProConnectLogin app="pilotage" />);
    expect((await screen.findByRole("alert")).textContent).toContain(
      "Aucun compte Médianum actif n'est associé à cette adresse ProConnect. Demandez une invitation à votre coordination.",
    );
    // A reload does not show it again.
    expect(window.location.search).toBe("");
    expect(window.location.pathname).toBe("/pilotage/");
  });

  it("ignores a code it does not know", async () => {
    serverSays(false);
    window.history.replaceState(null, "", "/pilotage/?proconnect=<script>");
    render(<ProConnectLogin app="pilotage" />);
    await act(async () => undefined);
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
