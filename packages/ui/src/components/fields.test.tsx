import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { CheckboxGroup, TextField } from "./fields.js";

afterEach(cleanup);

describe("TextField", () => {
  it("is found by its label and reads its hint", () => {
    render(<TextField label="Prénom" name="firstName" hint="Comme sur vos papiers" />);
    const input = screen.getByLabelText("Prénom");
    expect(input.getAttribute("aria-invalid")).toBeNull();
    expect(input.getAttribute("aria-describedby")).toBe("firstName-hint");
    expect(document.getElementById("firstName-hint")?.textContent).toBe("Comme sur vos papiers");
  });

  it("shows its error, announces it with the field and marks the field invalid", () => {
    render(<TextField label="Prénom" name="firstName" error="Prénom : ce champ est obligatoire." />);
    const input = screen.getByLabelText("Prénom");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const describedBy = input.getAttribute("aria-describedby") ?? "";
    const description = describedBy
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent)
      .join(" ");
    expect(description).toContain("Prénom : ce champ est obligatoire.");
    expect(screen.getByText("Prénom : ce champ est obligatoire.")).toBeTruthy();
  });
});

describe("CheckboxGroup", () => {
  function Themes() {
    const [value, setValue] = useState<string[]>([]);
    return (
      <>
        <CheckboxGroup
          legend="Thématiques"
          name="themes"
          options={[
            { value: "Email", label: "E-mail" },
            { value: "Sante", label: "Santé" },
          ]}
          value={value}
          onChange={setValue}
        />
        <output>{value.join(",")}</output>
      </>
    );
  }

  it("ticks options by their label, in the list's order", () => {
    render(<Themes />);
    expect(screen.getByRole("group", { name: "Thématiques" })).toBeTruthy();
    fireEvent.click(screen.getByLabelText("Santé"));
    fireEvent.click(screen.getByLabelText("E-mail"));
    expect((screen.getByLabelText("Santé") as HTMLInputElement).checked).toBe(true);
    expect(document.querySelector("output")?.textContent).toBe("Email,Sante");
    fireEvent.click(screen.getByLabelText("Santé"));
    expect(document.querySelector("output")?.textContent).toBe("Email");
  });
});
