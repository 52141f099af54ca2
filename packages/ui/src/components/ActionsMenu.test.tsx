import { afterEach, describe, expect, it } from "vitest";
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { ActionsMenu } from "./ActionsMenu.js";

afterEach(cleanup);

function setup() {
  const chosen: string[] = [];
  render(
    <ActionsMenu
      subject="Camille Martin"
      actions={[
        { label: "Déplacer", onSelect: () => chosen.push("move") },
        { label: "Annuler", danger: true, onSelect: () => chosen.push("cancel") },
      ]}
    />,
  );
  return { chosen, button: screen.getByRole("button", { name: "Actions : Camille Martin" }) };
}

describe("ActionsMenu", () => {
  it("is a closed menu button named after its row", () => {
    const { button } = setup();
    expect(button.getAttribute("aria-haspopup")).toBe("menu");
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByRole("menu")).toBeNull();
  });

  it("opens with ↓ on the first item, moves with the arrows, closes with Escape back to the button", () => {
    const { button, chosen } = setup();
    act(() => button.focus());
    fireEvent.keyDown(button, { key: "ArrowDown" });
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(document.activeElement).toBe(screen.getByRole("menuitem", { name: "Déplacer" }));
    fireEvent.keyDown(document.activeElement!, { key: "ArrowDown" });
    expect(document.activeElement).toBe(screen.getByRole("menuitem", { name: "Annuler" }));
    // Wraps round.
    fireEvent.keyDown(document.activeElement!, { key: "ArrowDown" });
    expect(document.activeElement).toBe(screen.getByRole("menuitem", { name: "Déplacer" }));
    fireEvent.keyDown(document.activeElement!, { key: "Escape" });
    expect(screen.queryByRole("menu")).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(chosen).toEqual([]);
  });

  it("runs the chosen action, closes and gives the focus back", () => {
    const { button, chosen } = setup();
    fireEvent.keyDown(button, { key: "ArrowUp" });
    expect(document.activeElement).toBe(screen.getByRole("menuitem", { name: "Annuler" }));
    fireEvent.click(screen.getByRole("menuitem", { name: "Annuler" }));
    expect(chosen).toEqual(["cancel"]);
    expect(screen.queryByRole("menu")).toBeNull();
    expect(document.activeElement).toBe(button);
  });
});
