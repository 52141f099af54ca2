// @vitest-environment jsdom
import "fake-indexeddb/auto";
import { randomUUID } from "node:crypto";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { SyncSnapshot } from "@medianum/domain";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DeviceDb } from "../offline/db.js";
import { DeviceContext, engine } from "../offline/device.js";
import { storeSnapshot } from "../offline/snapshot.js";
import { freshDeviceDb, goOffline } from "../offline/testing.js";
import { NewAccompanimentPage } from "./NewAccompanimentPage.js";

// A counsellor's first login on a slow line: the form opens before the first download has
// arrived. When it lands, it must bring the usual place and the last duration into the fields
// the counsellor has not touched — and leave alone the ones they have.

const usual = { id: randomUUID(), name: "Médiathèque de Nérac", communeName: "Nérac" };
const other = { id: randomUUID(), name: "Mairie de Duras", communeName: "Duras" };

function download(usualPlaceId = usual.id): SyncSnapshot {
  const record = {
    id: randomUUID(),
    type: "Individuel",
    date: "2026-11-30",
    durationMinutes: 90,
    themes: ["Smartphone"],
    administrativeThemes: [],
    updatedAt: new Date("2026-11-30T10:00:00Z"),
  };
  return {
    generatedAt: new Date(),
    agenda: [],
    records: [record],
    places: [usual, other],
    defaults: { usualPlaceId },
    directory: [],
    cheques: [],
    prescriptions: [],
    collegeSessions: [],
  } as unknown as SyncSnapshot;
}

let db: DeviceDb;
beforeAll(() => {
  // No network yet: the form opens at once, as it does once the wait for the download runs out.
  goOffline();
});
beforeEach(async () => {
  db = await freshDeviceDb();
});
afterEach(cleanup);

function show() {
  return render(
    <DeviceContext.Provider value={{ db, engine }}>
      <NewAccompanimentPage />
    </DeviceContext.Provider>,
  );
}

describe("a new accompaniment opened before the first download", () => {
  it("takes the usual place and the last duration when the download lands", async () => {
    show();
    const place = (await screen.findByLabelText("Quel lieu d'activité ?")) as HTMLSelectElement;
    expect(place.value).toBe("");
    expect(screen.getByText(/La liste des lieux n'est pas encore sur cet appareil/)).toBeTruthy();

    await storeSnapshot(db, download());
    await waitFor(() => expect((screen.getByLabelText("Quel lieu d'activité ?") as HTMLSelectElement).value).toBe(usual.id));
    expect((screen.getByRole("radio", { name: "1 h 30" }) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByText(/La liste des lieux n'est pas encore sur cet appareil/)).toBeNull();
  });

  it("keeps what the counsellor already chose, and stops following once the defaults have come", async () => {
    show();
    await screen.findByLabelText("Quel lieu d'activité ?");
    fireEvent.click(screen.getByRole("radio", { name: "45 min" }));

    await storeSnapshot(db, download());
    await waitFor(() => expect((screen.getByLabelText("Quel lieu d'activité ?") as HTMLSelectElement).value).toBe(usual.id));
    expect((screen.getByRole("radio", { name: "45 min" }) as HTMLInputElement).checked).toBe(true);

    // A later sync while the form is open changes nothing under the counsellor's fingers.
    await storeSnapshot(db, download(other.id));
    await new Promise((r) => setTimeout(r, 100));
    expect((screen.getByLabelText("Quel lieu d'activité ?") as HTMLSelectElement).value).toBe(usual.id);
  });
});
