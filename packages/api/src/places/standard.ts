import {
  Adresse,
  Contact,
  Courriel,
  DispositifProgrammeNational,
  DispositifProgrammesNationaux,
  Id,
  Localisation,
  ModaliteAccompagnement,
  ModalitesAccompagnement,
  Nom,
  Pivot,
  Service,
  Services,
  Typologie,
  Typologies,
  Url,
  toSchemaLieuMediationNumerique,
  type LieuMediationNumerique,
  type SchemaLieuMediationNumerique,
} from "@gouvfr-anct/lieux-de-mediation-numerique";
import { toOsmOpeningHours, openingHoursSchema, type PlaceService, type PlaceType } from "@medianum/domain";

/**
 * Export of our places to the national data standard of digital-mediation places (the
 * Cartographie nationale's schema), through ANCT's own library: each value goes through the
 * library's constructors, which validate it, and a place that fails is reported, not exported.
 */

/** The standard's "typologie" for each of our place types (closest code of its list). */
const TYPOLOGIES: Record<PlaceType, Typologie> = {
  mairie: Typologie.MUNI,
  mediatheque: Typologie.BIB,
  france_services: Typologie.RFS,
  association: Typologie.ASSO,
  centre_social: Typologie.CS,
  ehpad: Typologie.AUTRE,
  college: Typologie.AUTRE,
  centre_medico_social: Typologie.CMS,
  other: Typologie.AUTRE,
};

const SERVICES: Partial<Record<PlaceService, Service[]>> = {
  accompaniment: [Service.MaitriseDesOutilsNumeriquesDuQuotidien],
  workshops: [Service.MaitriseDesOutilsNumeriquesDuQuotidien, Service.ComprehensionDuMondeNumerique],
  admin_help: [Service.AideAuxDemarchesAdministratives],
  aidants_connect: [Service.AideAuxDemarchesAdministratives],
  free_access: [Service.AccesInternetEtMaterielInformatique],
  equipment: [Service.MaterielInformatiqueAPrixSolidaire],
};

const MODALITES: Partial<Record<PlaceService, ModaliteAccompagnement>> = {
  accompaniment: ModaliteAccompagnement.AccompagnementIndividuel,
  workshops: ModaliteAccompagnement.DansUnAtelier,
  free_access: ModaliteAccompagnement.EnAutonomie,
};

/**
 * When a place's SIRET is not known, the Cartographie nationale's own convention is a pivot of
 * fourteen zeros; the export says so in its report so staff can fill the SIRET in.
 */
export const UNKNOWN_PIVOT = "00000000000000";

export interface PlaceForStandard {
  id: string;
  name: string;
  type: string;
  address: string;
  postalCode: string;
  communeInsee: string;
  communeName: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  openingHours: unknown;
  services: string[];
  accessInfo: string | null;
  latitude: number | null;
  longitude: number | null;
  siret: string | null;
  partnerName: string | null;
  updatedAt: Date;
}

/** Messages of the library's errors, in French for staff. */
function reasonOf(e: unknown): string {
  const name = e instanceof Error ? e.constructor.name : "";
  const reasons: Record<string, string> = {
    VoieError: "adresse (voie) refusée par le standard",
    CodePostalError: "code postal invalide",
    CodeInseeError: "code INSEE invalide",
    CommuneError: "nom de commune refusé par le standard",
    PivotError: "SIRET ou RNA invalide",
    SiretError: "SIRET invalide",
    TelephoneError: "numéro de téléphone refusé par le standard",
    CourrielError: "adresse e-mail refusée par le standard",
    UrlError: "adresse du site refusée par le standard",
    LocalisationError: "coordonnées GPS invalides",
    NomError: "nom manquant",
    IdError: "identifiant manquant",
  };
  return reasons[name] ?? (e instanceof Error && e.message ? e.message : "donnée refusée par le standard");
}

export function toLieu(p: PlaceForStandard, source: string): LieuMediationNumerique {
  const services = [...new Set(p.services.flatMap((s) => SERVICES[s as PlaceService] ?? []))];
  const modalites = [...new Set(p.services.map((s) => MODALITES[s as PlaceService]).filter((m): m is ModaliteAccompagnement => !!m))];
  const hours = openingHoursSchema.safeParse(p.openingHours);
  const horaires = hours.success ? toOsmOpeningHours(hours.data) : undefined;
  const dispositifs = [DispositifProgrammeNational.ConseillersNumeriques];
  if (p.services.includes("aidants_connect")) dispositifs.push(DispositifProgrammeNational.AidantsConnect);
  if (p.type === "france_services") dispositifs.push(DispositifProgrammeNational.FranceServices);
  const contact =
    p.phone || p.email || p.website
      ? Contact({
          ...(p.phone ? { telephone: p.phone } : {}),
          ...(p.email ? { courriels: [Courriel(p.email)] } : {}),
          ...(p.website ? { site_web: [Url(p.website)] } : {}),
        })
      : undefined;
  return {
    id: Id(p.id),
    pivot: Pivot(p.siret ?? UNKNOWN_PIVOT),
    nom: Nom(p.name),
    adresse: Adresse({ voie: p.address, code_postal: p.postalCode, code_insee: p.communeInsee, commune: p.communeName }),
    ...(p.latitude !== null && p.longitude !== null ? { localisation: Localisation({ latitude: p.latitude, longitude: p.longitude }) } : {}),
    typologies: Typologies([TYPOLOGIES[p.type as PlaceType] ?? Typologie.AUTRE]),
    ...(contact ? { contact } : {}),
    ...(horaires ? { horaires } : {}),
    ...(services.length ? { services: Services(services) } : {}),
    ...(modalites.length ? { modalites_accompagnement: ModalitesAccompagnement(modalites) } : {}),
    dispositif_programmes_nationaux: DispositifProgrammesNationaux(dispositifs),
    ...(p.partnerName ? { structure_parente: p.partnerName } : {}),
    ...(p.accessInfo ? { presentation: { resume: p.accessInfo.slice(0, 280) } } : {}),
    source,
    date_maj: p.updatedAt,
  };
}

export interface StandardExport {
  lieux: SchemaLieuMediationNumerique[];
  rejected: Array<{ id: string; name: string; reason: string }>;
  /** Places exported with the unknown pivot: their SIRET is worth filling in. */
  withoutSiret: Array<{ id: string; name: string }>;
}

export function toStandard(places: PlaceForStandard[], source: string): StandardExport {
  const out: StandardExport = { lieux: [], rejected: [], withoutSiret: [] };
  for (const p of places) {
    try {
      out.lieux.push(toSchemaLieuMediationNumerique(toLieu(p, source)));
      if (!p.siret) out.withoutSiret.push({ id: p.id, name: p.name });
    } catch (e) {
      out.rejected.push({ id: p.id, name: p.name, reason: reasonOf(e) });
    }
  }
  return out;
}
