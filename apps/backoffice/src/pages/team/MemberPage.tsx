import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "wouter";
import { postInput, roles, type TeamMemberView } from "@medianum/domain";
import {
  Alert,
  Button,
  CheckboxGroup,
  ErrorSummary,
  SelectField,
  TextField,
  issuesToFieldErrors,
  readApiError,
  toSummary,
  type FieldErrors,
} from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { QueryState, Title } from "../common.js";

export function MemberPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const team = useQuery(trpc.team.list.queryOptions());
  const member = team.data?.find((u) => u.id === id);
  return (
    <>
      <Title title={member ? member.displayName : "Membre de l'équipe"} />
      <p>
        <Link href="/equipe">← Équipe</Link>
      </p>
      <h1>{member ? member.displayName : "Membre de l'équipe"}</h1>
      <QueryState query={team} loadingLabel="Chargement…" errorTitle="Ce compte n'a pas pu être affiché.">
        {() =>
          member ? (
            <>
              <p>
                {roles.label(member.role)} — {member.email}
              </p>
              {member.counsellor ? <PostForm member={member} /> : <p>Ce compte n'a pas de poste de conseiller.</p>}
            </>
          ) : (
            <p>Ce compte est introuvable.</p>
          )
        }
      </QueryState>
    </>
  );
}

function PostForm({ member }: { member: TeamMemberView }) {
  const c = member.counsellor!;
  const trpc = useTRPC();
  const qc = useQueryClient();
  const options = useQuery(trpc.territory.options.queryOptions());
  const places = useQuery(trpc.places.list.queryOptions());
  const [d, setD] = useState({
    postStartsOn: c.postStartsOn ?? "",
    postEndsOn: c.postEndsOn ?? "",
    territoryEpciCodes: c.territoryEpciCodes,
    usualPlaceId: c.usualPlaceId ?? "",
    phone: c.phone ?? "",
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const save = useMutation(
    trpc.team.updatePost.mutationOptions({
      onSuccess: () => qc.invalidateQueries({ queryKey: trpc.team.pathKey() }),
      onError: (e) => {
        const info = readApiError(e);
        const field = (info.data.details as { field?: string } | undefined)?.field;
        if (field) {
          setErrors({ [field]: info.message });
          setAttempt((n) => n + 1);
        }
      },
    }),
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    const res = postInput.safeParse({ counsellorId: c.id, ...d, postStartsOn: d.postStartsOn || null, postEndsOn: d.postEndsOn || null, usualPlaceId: d.usualPlaceId || null });
    if (!res.success) {
      setErrors(issuesToFieldErrors(res.error.issues));
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    save.mutate(res.data);
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="post-title">
      <h2 id="post-title">Poste de conseiller</h2>
      <ErrorSummary errors={toSummary(errors, ["postStartsOn", "postEndsOn", "territoryEpciCodes", "usualPlaceId", "phone"])} focusKey={attempt} />
      {save.isSuccess ? <Alert type="success" title="Poste enregistré." role="status" /> : null}
      {save.isError && !Object.keys(errors).length ? (
        <Alert type="error" title="Le poste n'a pas été enregistré.">
          <p>{readApiError(save.error).message}</p>
        </Alert>
      ) : null}
      <TextField label="Début du poste" name="postStartsOn" type="date" optional value={d.postStartsOn} error={errors.postStartsOn} onChange={(e) => setD({ ...d, postStartsOn: e.target.value })} />
      <TextField label="Fin du poste" name="postEndsOn" type="date" optional value={d.postEndsOn} error={errors.postEndsOn} onChange={(e) => setD({ ...d, postEndsOn: e.target.value })} />
      <CheckboxGroup
        legend="Territoire (intercommunalités)"
        name="territoryEpciCodes"
        optional
        options={(options.data?.epcis ?? []).map((e) => ({ value: e.code, label: e.name }))}
        value={d.territoryEpciCodes}
        error={errors.territoryEpciCodes}
        onChange={(territoryEpciCodes) => setD({ ...d, territoryEpciCodes })}
      />
      <SelectField
        label="Lieu habituel"
        name="usualPlaceId"
        optional
        placeholder="Aucun"
        options={(places.data ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.communeName})` }))}
        value={d.usualPlaceId}
        error={errors.usualPlaceId}
        onChange={(e) => setD({ ...d, usualPlaceId: e.target.value })}
      />
      <TextField label="Téléphone professionnel" name="phone" type="tel" optional value={d.phone} error={errors.phone} onChange={(e) => setD({ ...d, phone: e.target.value })} />
      <div className="mn-actions">
        <Button type="submit" loading={save.isPending} loadingLabel="Enregistrement…">
          Enregistrer le poste
        </Button>
      </div>
    </form>
  );
}
