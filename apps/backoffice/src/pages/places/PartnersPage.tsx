import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "wouter";
import { partnerInput, partnerKinds, placeServices, type PartnerView } from "@medianum/domain";
import {
  Alert,
  Button,
  CheckboxGroup,
  DataTable,
  EmptyState,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
  issuesToFieldErrors,
  readApiError,
  toSummary,
  type FieldErrors,
} from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { QueryState, Title } from "../common.js";

export function PartnersPage() {
  const trpc = useTRPC();
  const partners = useQuery(trpc.places.partners.queryOptions());
  const [editing, setEditing] = useState<PartnerView | "new" | null>(null);
  return (
    <>
      <Title title="Structures partenaires" />
      <p>
        <Link href="/lieux">← Lieux</Link>
      </p>
      <h1>Structures partenaires</h1>
      <p>Le réseau des acteurs : qui fait quoi, où. Une structure peut gérer plusieurs lieux.</p>
      <Button onClick={() => setEditing("new")}>Ajouter une structure</Button>
      {editing ? (
        <PartnerForm key={editing === "new" ? "new" : editing.id} partner={editing === "new" ? null : editing} onDone={() => setEditing(null)} />
      ) : null}
      <QueryState query={partners} loadingLabel="Chargement des structures…" errorTitle="Les structures n'ont pas pu être affichées.">
        {() =>
          partners.data?.length ? (
            <DataTable
              caption={`Structures (${partners.data.length})`}
              rows={partners.data}
              rowKey={(p) => p.id}
              columns={[
                { key: "n", header: "Structure", rowHeader: true, render: (p) => p.name },
                { key: "k", header: "Type", render: (p) => partnerKinds.label(p.kind) },
                { key: "c", header: "Commune", render: (p) => p.communeName ?? "—" },
                { key: "s", header: "Services", render: (p) => p.services.map((s) => placeServices.label(s)).join(", ") || "—" },
                { key: "l", header: "Lieux", render: (p) => p.places },
                {
                  key: "a",
                  header: "Action",
                  render: (p) => (
                    <Button variant="secondary" size="small" onClick={() => setEditing(p)}>
                      Modifier<span className="mn-visually-hidden"> {p.name}</span>
                    </Button>
                  ),
                },
              ]}
            />
          ) : (
            <EmptyState title="Aucune structure partenaire pour le moment." />
          )
        }
      </QueryState>
    </>
  );
}

const ORDER = ["name", "kind", "description", "services", "address", "communeInsee", "phone", "email", "website"];

function PartnerForm({ partner, onDone }: { partner: PartnerView | null; onDone: () => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const options = useQuery(trpc.territory.options.queryOptions());
  const [d, setD] = useState({
    name: partner?.name ?? "",
    kind: partner?.kind ?? "",
    description: partner?.description ?? "",
    services: partner?.services ?? ([] as string[]),
    address: partner?.address ?? "",
    communeInsee: partner?.communeInsee ?? "",
    phone: partner?.phone ?? "",
    email: partner?.email ?? "",
    website: partner?.website ?? "",
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const after = { onSuccess: async () => { await qc.invalidateQueries({ queryKey: trpc.places.pathKey() }); onDone(); } };
  const create = useMutation(trpc.places.createPartner.mutationOptions(after));
  const update = useMutation(trpc.places.updatePartner.mutationOptions(after));
  const remove = useMutation(trpc.places.deletePartner.mutationOptions(after));
  const failed = create.error ?? update.error ?? remove.error;
  const set = (k: keyof typeof d) => (e: { target: { value: string } }) => setD({ ...d, [k]: e.target.value });

  function submit(e: FormEvent) {
    e.preventDefault();
    const res = partnerInput.safeParse({ ...d, communeInsee: d.communeInsee || null, description: d.description || undefined, address: d.address || undefined });
    if (!res.success) {
      setErrors(issuesToFieldErrors(res.error.issues));
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    if (partner) update.mutate({ ...res.data, id: partner.id });
    else create.mutate(res.data);
  }
  return (
    <form onSubmit={submit} noValidate className="mn-panel" aria-label={partner ? `Modifier ${partner.name}` : "Nouvelle structure"}>
      <h2>{partner ? `Modifier ${partner.name}` : "Nouvelle structure"}</h2>
      <ErrorSummary errors={toSummary(errors, ORDER)} focusKey={attempt} />
      {failed ? (
        <Alert type="error" title="La structure n'a pas été enregistrée.">
          <p>{readApiError(failed).message}</p>
        </Alert>
      ) : null}
      <TextField label="Nom de la structure" name="name" value={d.name} error={errors.name} onChange={set("name")} />
      <SelectField label="Type de structure" name="kind" placeholder="Choisir…" options={partnerKinds.items} value={d.kind} error={errors.kind} onChange={set("kind")} />
      <TextArea label="Description" name="description" optional value={d.description} error={errors.description} onChange={set("description")} />
      <CheckboxGroup legend="Services" name="services" optional options={placeServices.items} value={d.services} onChange={(services) => setD({ ...d, services })} />
      <TextField label="Adresse" name="address" optional value={d.address} error={errors.address} onChange={set("address")} />
      <SelectField
        label="Commune"
        name="communeInsee"
        optional
        placeholder="Aucune"
        options={(options.data?.communes ?? []).map((c) => ({ value: c.inseeCode, label: c.name }))}
        value={d.communeInsee}
        error={errors.communeInsee}
        onChange={set("communeInsee")}
      />
      <TextField label="Téléphone" name="phone" type="tel" optional value={d.phone} error={errors.phone} onChange={set("phone")} />
      <TextField label="E-mail" name="email" type="email" optional value={d.email} error={errors.email} onChange={set("email")} />
      <TextField label="Site internet" name="website" type="url" optional value={d.website} error={errors.website} onChange={set("website")} />
      <div className="mn-actions">
        <Button type="submit" loading={create.isPending || update.isPending} loadingLabel="Enregistrement…">
          Enregistrer
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Annuler
        </Button>
        {partner ? (
          <Button variant="danger" loading={remove.isPending} loadingLabel="Suppression…" onClick={() => remove.mutate({ id: partner.id })}>
            Supprimer
          </Button>
        ) : null}
      </div>
    </form>
  );
}
