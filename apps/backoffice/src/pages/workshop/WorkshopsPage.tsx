import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "wouter";
import { audiences, workshopInput, workshopThemes, type WorkshopView } from "@medianum/domain";
import {
  Alert,
  Badge,
  Button,
  CheckboxField,
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

/** The workshop catalogue: what can be scheduled, and the form to add or edit an entry. */
export function WorkshopsPage() {
  const trpc = useTRPC();
  const workshops = useQuery(trpc.workshop.workshops.queryOptions());
  const [editing, setEditing] = useState<WorkshopView | "new" | null>(null);
  return (
    <>
      <Title title="Ateliers" />
      <h1>Catalogue des ateliers</h1>
      <p>Chaque atelier peut être programmé en plusieurs séances (date, lieu, nombre de places).</p>
      {editing ? (
        <WorkshopForm key={editing === "new" ? "new" : editing.id} workshop={editing === "new" ? null : editing} onDone={() => setEditing(null)} />
      ) : (
        <p>
          <Button onClick={() => setEditing("new")}>Nouvel atelier</Button>
        </p>
      )}
      <QueryState query={workshops} loadingLabel="Chargement des ateliers…" errorTitle="Les ateliers n'ont pas pu être affichés.">
        {() =>
          workshops.data && workshops.data.length > 0 ? (
            <DataTable
              caption={`Ateliers (${workshops.data.length})`}
              rows={workshops.data}
              rowKey={(w) => w.id}
              columns={[
                { key: "title", header: "Atelier", rowHeader: true, render: (w) => w.title },
                { key: "theme", header: "Thème", render: (w) => workshopThemes.label(w.theme) },
                { key: "audience", header: "Public", render: (w) => audiences.label(w.audience) },
                { key: "public", header: "Portail", render: (w) => (w.isPublic ? <Badge tone="success">Visible</Badge> : <Badge>Interne</Badge>) },
                { key: "upcoming", header: "Séances à venir", render: (w) => w.upcomingSessions },
                {
                  key: "actions",
                  header: "Actions",
                  render: (w) => (
                    <>
                      <Button size="small" variant="secondary" onClick={() => setEditing(w)}>
                        Modifier<span className="mn-visually-hidden"> {w.title}</span>
                      </Button>{" "}
                      <Link href={`/seances/nouvelle?atelier=${w.id}`}>
                        Programmer une séance<span className="mn-visually-hidden"> de {w.title}</span>
                      </Link>
                    </>
                  ),
                },
              ]}
            />
          ) : (
            <EmptyState title="Aucun atelier dans le catalogue." />
          )
        }
      </QueryState>
    </>
  );
}

const ORDER = ["title", "theme", "audience", "description", "whatToBring", "contactEmail", "contactPhone"];

function WorkshopForm({ workshop, onDone }: { workshop: WorkshopView | null; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [v, setV] = useState({
    title: workshop?.title ?? "",
    theme: workshop?.theme ?? "",
    audience: workshop?.audience ?? "parents",
    description: workshop?.description ?? "",
    whatToBring: workshop?.whatToBring ?? "",
    contactEmail: workshop?.contactEmail ?? "",
    contactPhone: workshop?.contactPhone ?? "",
    isPublic: workshop?.isPublic ?? true,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const opts = {
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: trpc.workshop.pathKey() });
      onDone();
    },
    onError: (e: unknown) => {
      const info = readApiError(e);
      setErrors(Object.keys(info.fieldErrors).length ? info.fieldErrors : { _form: info.message });
      setAttempt((n) => n + 1);
    },
  };
  const create = useMutation(trpc.workshop.createWorkshop.mutationOptions(opts));
  const update = useMutation(trpc.workshop.updateWorkshop.mutationOptions(opts));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const parsed = workshopInput.safeParse(v);
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error.issues));
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    if (workshop) update.mutate({ ...parsed.data, id: workshop.id });
    else create.mutate(parsed.data);
  }
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  return (
    <section aria-labelledby="form-atelier" className="mn-card">
      <h2 id="form-atelier">{workshop ? `Modifier « ${workshop.title} »` : "Nouvel atelier"}</h2>
      <ErrorSummary errors={toSummary(errors, ORDER).filter((x) => x.field !== "_form")} focusKey={attempt} />
      {errors._form ? <Alert type="error">{errors._form}</Alert> : null}
      <form noValidate onSubmit={onSubmit}>
        <TextField label="Titre" name="title" value={v.title} onChange={set("title")} error={errors.title} />
        <SelectField label="Thème" name="theme" placeholder="Choisissez un thème" options={workshopThemes.items} value={v.theme} onChange={set("theme")} error={errors.theme} />
        <SelectField label="Public" name="audience" options={audiences.items} value={v.audience} onChange={set("audience")} error={errors.audience} />
        <TextArea label="Description (pour les parents)" name="description" value={v.description} onChange={set("description")} error={errors.description} />
        <TextArea label="À apporter" name="whatToBring" optional rows={2} value={v.whatToBring} onChange={set("whatToBring")} error={errors.whatToBring} />
        <TextField label="E-mail de contact" name="contactEmail" type="email" optional value={v.contactEmail} onChange={set("contactEmail")} error={errors.contactEmail} />
        <TextField label="Téléphone de contact" name="contactPhone" type="tel" optional value={v.contactPhone} onChange={set("contactPhone")} error={errors.contactPhone} />
        <CheckboxField label="Visible sur le portail public" name="isPublic" checked={v.isPublic} onChange={(e) => setV({ ...v, isPublic: e.target.checked })} />
        <div className="mn-actions">
          <Button type="submit" loading={create.isPending || update.isPending} loadingLabel="Enregistrement…">
            Enregistrer
          </Button>
          <Button variant="secondary" onClick={onDone}>
            Annuler
          </Button>
        </div>
      </form>
    </section>
  );
}
