import type { PrismaClient } from "@medianum/db";
import type { PlaceView } from "@medianum/domain";
import { notFound } from "../shared/errors.js";
import { placeInclude, toPlaceView } from "./place-rows.js";

/** Every place, by commune then name. */
export async function listPlaces(prisma: PrismaClient): Promise<PlaceView[]> {
  const rows = await prisma.place.findMany({ include: placeInclude, orderBy: [{ commune: { name: "asc" } }, { name: "asc" }] });
  return rows.map(toPlaceView);
}

export async function getPlace(prisma: PrismaClient, id: string): Promise<PlaceView> {
  const p = await prisma.place.findUnique({ where: { id }, include: placeInclude });
  if (!p) throw notFound("Ce lieu");
  return toPlaceView(p);
}
