import { afterEach, describe, expect, it, vi } from "vitest";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { LoginForm } from "./LoginForm.js";

afterEach(cleanup);

function fill(email: string, password: string) {
  fireEvent.change(screen.getByLabelText("Adresse e-mail"), { target: { value: email } });
  fireEvent.change(screen.getByLabelText("Mot de passe"), { target: { value: password } });
  fireEvent.click(screen.getByRole("button", { name: "Se connecter" }));
}

describe("LoginForm", () => {
  it("says in French what is missing and sends nothing", () => {
    const submit = vi.fn();
    render(<LoginForm intro="Espace de test" submit={submit} />);
    fill("pas-une-adresse", "");
    expect(submit).not.toHaveBeenCalled();
    expect(screen.getByLabelText("Mot de passe").getAttribute("aria-invalid")).toBe("true");
    expect(document.body.textContent).toContain("Indiquez votre mot de passe.");
  });

  it("sends the normalised e-mail, shows the server's refusal and asks for the password again", async () => {
    const submit = vi.fn().mockRejectedValue({ message: "Adresse e-mail ou mot de passe incorrect.", data: { code: "UNAUTHORIZED", httpStatus: 401 } });
    render(<LoginForm intro="Espace de test" submit={submit} />);
    fill(" Lea@Exemple.fr ", "mauvais");
    expect(submit).toHaveBeenCalledWith({ email: "lea@exemple.fr", password: "mauvais" });
    await waitFor(() => expect(screen.getByRole("alert").textContent).toContain("Adresse e-mail ou mot de passe incorrect."));
    expect((screen.getByLabelText("Mot de passe") as HTMLInputElement).value).toBe("");
    expect((screen.getByLabelText("Adresse e-mail") as HTMLInputElement).value).toBe("Lea@Exemple.fr");
  });

  it("keeps what was typed in the prerendered form before the script ran, and sends it", async () => {
    const submit = vi.fn().mockResolvedValue(undefined);
    const container = document.createElement("div");
    container.innerHTML = renderToString(<LoginForm intro="Espace de test" submit={submit} />);
    document.body.append(container);
    const button = container.querySelector("button")!;
    // Before the script: the button cannot send the form (a native submission would put the password in the address).
    expect(button.disabled).toBe(true);
    (container.querySelector("#email") as HTMLInputElement).value = "lea@exemple.fr";
    (container.querySelector("#password") as HTMLInputElement).value = "secret-typed-early";
    const root = await act(async () => hydrateRoot(container, <LoginForm intro="Espace de test" submit={submit} />));
    expect(button.disabled).toBe(false);
    fireEvent.click(button);
    expect(submit).toHaveBeenCalledWith({ email: "lea@exemple.fr", password: "secret-typed-early" });
    act(() => root.unmount());
    container.remove();
  });
});
