import { afterEach, describe, expect, it } from "vitest";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { Router } from "wouter";
import { memoryLocation } from "wouter/memory-location";
import { BottomNav, isCurrentPath } from "./BottomNav.js";

afterEach(cleanup);

const items = [
  { href: "/", label: "Mon agenda", short: "Agenda" },
  { href: "/envois", label: "Envois" },
];
const more = [
  { href: "/annuaire", label: "Annuaire" },
  { href: "/colleges", label: "Séances en collège", section: true },
];

function renderAt(path: string) {
  const memory = memoryLocation({ path, record: true });
  render(
    <Router hook={memory.hook}>
      <BottomNav label="Menu" items={items} more={more} />
    </Router>,
  );
  return memory;
}

const plus = () => screen.getByRole("button", { name: /^Plus de pages/ });

describe("BottomNav", () => {
  it("names each link in full, shows the short word, and marks the current page", () => {
    renderAt("/envois");
    const agenda = screen.getByRole("link", { name: "Mon agenda" });
    expect(agenda.textContent).toBe("Agenda");
    expect(agenda.getAttribute("aria-current")).toBeNull();
    expect(screen.getByRole("link", { name: "Envois" }).getAttribute("aria-current")).toBe("page");
    expect(plus().getAttribute("aria-expanded")).toBe("false");
  });

  it("opens « Plus » as a modal sheet holding the focus, and Escape gives the focus back to « Plus »", () => {
    renderAt("/");
    plus().focus();
    fireEvent.click(plus());
    const sheet = screen.getByRole("dialog", { name: "Autres pages" });
    expect(sheet.getAttribute("aria-modal")).toBe("true");
    expect(plus().getAttribute("aria-expanded")).toBe("true");
    const links = within(sheet).getAllByRole("link");
    const close = within(sheet).getByRole("button", { name: "Fermer" });
    expect(document.activeElement).toBe(close);
    // Tab past the last link comes back to the first control; Shift+Tab from the first goes to the last.
    links[links.length - 1]!.focus();
    fireEvent.keyDown(document, { key: "Tab" });
    expect(document.activeElement).toBe(close);
    fireEvent.keyDown(document, { key: "Tab", shiftKey: true });
    expect(document.activeElement).toBe(links[links.length - 1]);
    fireEvent.keyDown(document, { key: "Escape" });
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(plus());
  });

  it("closes when one of its pages is chosen, and « Plus » then says which page is open", () => {
    const memory = renderAt("/");
    fireEvent.click(plus());
    fireEvent.click(within(screen.getByRole("dialog")).getByRole("link", { name: "Séances en collège" }));
    expect(memory.history?.at(-1)).toBe("/colleges");
    expect(screen.queryByRole("dialog")).toBeNull();
    act(() => memory.navigate("/colleges/42"));
    expect(plus().textContent).toContain("page actuelle : Séances en collège");
    fireEvent.click(plus());
    expect(within(screen.getByRole("dialog")).getByRole("link", { name: "Séances en collège" }).getAttribute("aria-current")).toBe("page");
  });

  it("matches a page, or a section and what is under it", () => {
    expect(isCurrentPath("/", { href: "/" })).toBe(true);
    expect(isCurrentPath("/envois", { href: "/" })).toBe(false);
    expect(isCurrentPath("/colleges/42", { href: "/colleges", section: true })).toBe(true);
    expect(isCurrentPath("/accompagnements/nouveau", { href: "/accompagnements" })).toBe(false);
  });
});
