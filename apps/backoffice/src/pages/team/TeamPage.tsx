import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "wouter";
import { formatDateTime, inviteInput, roles, type TeamMemberView } from "@medianum/domain";
import {
  Alert,
  Badge,
  Button,
  DataTable,
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

export function TeamPage() {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const team = useQuery(trpc.team.list.queryOptions());
  const isAdmin = me.data?.role === "admin";
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <Title title="Équipe" />
      <h1>Équipe et accès</h1>
      <p>
        Les comptes de l'équipe. {isAdmin ? "Vous pouvez inviter, désactiver et réinitialiser les mots de passe." : "Seuls les administrateurs gèrent les comptes ; vous pouvez modifier les postes des conseillers."}{" "}
        Toutes les actions sont inscrites au <Link href="/journal">journal</Link>.
      </p>
      <div role="status">{notice ? <Alert type="success" title={notice} /> : null}</div>
      {isAdmin ? <InviteForm onDone={setNotice} /> : null}
      <QueryState query={team} loadingLabel="Chargement de l'équipe…" errorTitle="L'équipe n'a pas pu être affichée.">
        {() =>
          team.data ? (
            <DataTable
              caption={`Comptes (${team.data.length})`}
              rows={team.data}
              rowKey={(u) => u.id}
              columns={[
                { key: "n", header: "Nom", rowHeader: true, render: (u) => (u.counsellor ? <Link href={`/equipe/${u.id}`}>{u.displayName}</Link> : u.displayName) },
                { key: "e", header: "E-mail", render: (u) => u.email },
                { key: "r", header: "Rôle", render: (u) => roles.label(u.role) },
                { key: "s", header: "État", render: (u) => <State u={u} /> },
                { key: "l", header: "Dernière connexion", render: (u) => (u.lastLoginAt ? formatDateTime(u.lastLoginAt) : "Jamais") },
                ...(isAdmin ? [{ key: "a", header: "Actions", render: (u: TeamMemberView) => <Actions u={u} selfId={me.data?.id} onDone={setNotice} /> }] : []),
              ]}
            />
          ) : null
        }
      </QueryState>
    </>
  );
}

function State({ u }: { u: TeamMemberView }) {
  if (u.disabled) return <Badge tone="danger">Désactivé</Badge>;
  if (u.pendingInvite) return <Badge tone="warning">Invitation envoyée</Badge>;
  return <Badge tone="success">Actif</Badge>;
}

function Actions({ u, selfId, onDone }: { u: TeamMemberView; selfId: string | undefined; onDone: (m: string) => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.team.pathKey() });
  const reset = useMutation(trpc.team.resetPassword.mutationOptions({ onSuccess: async () => { onDone(`Un lien pour choisir un nouveau mot de passe a été envoyé à ${u.email}.`); await refresh(); } }));
  const disable = useMutation(trpc.team.disable.mutationOptions({ onSuccess: async () => { onDone(`Le compte de ${u.displayName} est désactivé ; ses sessions sont fermées.`); await refresh(); } }));
  const enable = useMutation(trpc.team.enable.mutationOptions({ onSuccess: async () => { onDone(`Le compte de ${u.displayName} est réactivé.`); await refresh(); } }));
  const role = useMutation(trpc.team.changeRole.mutationOptions({ onSuccess: async () => { onDone(`Le rôle de ${u.displayName} a changé.`); await refresh(); } }));
  const failed = reset.error ?? disable.error ?? enable.error ?? role.error;
  const self = u.id === selfId;
  return (
    <div className="mn-row-actions">
      {!u.disabled ? (
        <Button variant="secondary" size="small" loading={reset.isPending} onClick={() => reset.mutate({ userId: u.id })}>
          Réinitialiser le mot de passe<span className="mn-visually-hidden"> de {u.displayName}</span>
        </Button>
      ) : null}
      {self ? null : u.disabled ? (
        <Button variant="secondary" size="small" loading={enable.isPending} onClick={() => enable.mutate({ userId: u.id })}>
          Réactiver<span className="mn-visually-hidden"> {u.displayName}</span>
        </Button>
      ) : (
        <Button variant="danger" size="small" loading={disable.isPending} onClick={() => disable.mutate({ userId: u.id })}>
          Désactiver<span className="mn-visually-hidden"> {u.displayName}</span>
        </Button>
      )}
      {self ? null : (
        <SelectField
          label={`Rôle de ${u.displayName}`}
          name={`role-${u.id}`}
          options={roles.items.map((r) => ({ value: r.value, label: r.label }))}
          value={u.role}
          onChange={(e) => roles.has(e.target.value) && role.mutate({ userId: u.id, role: e.target.value })}
        />
      )}
      {failed ? <p className="mn-error-message">{readApiError(failed).message}</p> : null}
    </div>
  );
}

function InviteForm({ onDone }: { onDone: (m: string) => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [d, setD] = useState({ email: "", displayName: "", role: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const invite = useMutation(
    trpc.team.invite.mutationOptions({
      onSuccess: async () => {
        onDone(`Invitation envoyée à ${d.email}. Le lien est valable 7 jours.`);
        setD({ email: "", displayName: "", role: "" });
        await qc.invalidateQueries({ queryKey: trpc.team.pathKey() });
      },
      onError: (e) => {
        const info = readApiError(e);
        setErrors(info.code === "CONFLICT" ? { email: info.message } : { ...info.fieldErrors });
        setAttempt((n) => n + 1);
      },
    }),
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    const res = inviteInput.safeParse(d);
    if (!res.success) {
      setErrors(issuesToFieldErrors(res.error.issues));
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    invite.mutate(res.data);
  }
  return (
    <form onSubmit={submit} noValidate className="mn-panel" aria-labelledby="invite-title">
      <h2 id="invite-title">Inviter une personne</h2>
      <p>Elle reçoit un e-mail avec un lien à usage unique pour choisir son mot de passe.</p>
      <ErrorSummary errors={toSummary(errors, ["displayName", "email", "role"], (f) => `invite-${f}`)} focusKey={attempt} />
      {invite.isError && !Object.keys(errors).length ? (
        <Alert type="error" title="L'invitation n'a pas été envoyée.">
          <p>{readApiError(invite.error).message}</p>
        </Alert>
      ) : null}
      <TextField label="Nom affiché" name="invite-displayName" value={d.displayName} error={errors.displayName} onChange={(e) => setD({ ...d, displayName: e.target.value })} />
      <TextField label="E-mail" name="invite-email" type="email" value={d.email} error={errors.email} onChange={(e) => setD({ ...d, email: e.target.value })} />
      <SelectField label="Rôle" name="invite-role" placeholder="Choisir…" options={roles.items} value={d.role} error={errors.role} onChange={(e) => setD({ ...d, role: e.target.value })} />
      <div className="mn-actions">
        <Button type="submit" loading={invite.isPending} loadingLabel="Envoi…">
          Envoyer l'invitation
        </Button>
      </div>
    </form>
  );
}
