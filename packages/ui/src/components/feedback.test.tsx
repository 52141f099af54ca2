import { afterEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { ErrorSummary } from "./feedback.js";
import { TextField } from "./fields.js";
import { DataTable } from "./DataTable.js";

afterEach(cleanup);

describe("ErrorSummary", () => {
  it("is announced, takes the focus and links each error to its field", () => {
    render(
      <>
        <ErrorSummary
          errors={[
            { field: "firstName", message: "Prénom : ce champ est obligatoire." },
            { field: "email", message: "Cette adresse e-mail n'est pas valide." },
          ]}
        />
        <TextField label="Prénom" name="firstName" />
        <TextField label="Adresse e-mail" name="email" />
      </>,
    );
    const summary = screen.getByRole("alert");
    expect(document.activeElement).toBe(summary);
    expect(within(summary).getByText("2 erreurs à corriger :")).toBeTruthy();
    const links = within(summary).getAllByRole("link");
    expect(links.map((a) => a.getAttribute("href"))).toEqual(["#firstName", "#email"]);
    fireEvent.click(within(summary).getByRole("link", { name: "Cette adresse e-mail n'est pas valide." }));
    expect(document.activeElement).toBe(screen.getByLabelText("Adresse e-mail"));
  });

  it("shows nothing when there is no error", () => {
    render(<ErrorSummary errors={[]} />);
    expect(screen.queryByRole("alert")).toBeNull();
  });
});

describe("DataTable", () => {
  it("renders a captioned table with column headers and a keyboard-scrollable region", () => {
    render(
      <DataTable
        caption="Séances à venir"
        columns={[
          { key: "title", header: "Atelier", render: (r: { id: string; title: string }) => r.title, rowHeader: true },
          { key: "seats", header: "Places", render: () => "3" },
        ]}
        rows={[{ id: "1", title: "Les écrans à la maison" }]}
        rowKey={(r) => r.id}
      />,
    );
    const table = screen.getByRole("table", { name: "Séances à venir" });
    expect(within(table).getAllByRole("columnheader").map((th) => th.textContent)).toEqual(["Atelier", "Places"]);
    expect(within(table).getByRole("rowheader").textContent).toBe("Les écrans à la maison");
    const region = screen.getByRole("region", { name: "Séances à venir" });
    expect(region.getAttribute("tabindex")).toBe("0");
  });
});
