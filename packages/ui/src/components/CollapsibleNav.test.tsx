import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { CollapsibleNav } from "./CollapsibleNav.js";
import { Layout } from "./Layout.js";

afterEach(cleanup);

function renderLayout() {
  render(
    <Layout
      appName="Pilotage"
      navLandmark={
        <CollapsibleNav label="Menu du pilotage">
          <li>
            <a href="#tableau">Tableau de bord</a>
          </li>
          <li>
            <a href="#seances">Séances</a>
          </li>
        </CollapsibleNav>
      }
    >
      <h1>Contenu</h1>
    </Layout>,
  );
  const nav = screen.getByRole("navigation", { name: "Menu du pilotage" });
  return { nav, toggle: within(nav).getByRole("button", { name: "Menu" }), list: nav.querySelector("ul")! };
}

describe("CollapsibleNav in a Layout", () => {
  it("the « Menu » button says whether the list is open and which list it controls", () => {
    const { toggle, list } = renderLayout();
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(toggle.getAttribute("aria-controls")).toBe(list.id);
    expect(list.dataset.open).toBe("false");
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(list.dataset.open).toBe("true");
  });

  it("choosing a page folds the menu; Escape folds it and gives the focus back to the button", () => {
    const { toggle, list } = renderLayout();
    fireEvent.click(toggle);
    fireEvent.click(screen.getByRole("link", { name: "Séances" }));
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(toggle);
    const link = screen.getByRole("link", { name: "Tableau de bord" });
    link.focus();
    fireEvent.keyDown(link, { key: "Escape" });
    expect(list.dataset.open).toBe("false");
    expect(document.activeElement).toBe(toggle);
  });
});
