import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "wouter";
import { formatDateTime, inviteInput, roles, type TeamMemberView } from "@medianum/domain";
import {
  ActionsMenu,
  Alert,
  Badge,
  Button,
  DataTable,
  ErrorSummary,
  SelectField,
  TextField,
  issuesToFieldErrors,
  useFocusOnMount,
  readApiError,
  toSummary,
  type FieldErrors,
} from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { QueryState, Title } from "../common.js";

/** A link to choose a password, returned once by the server when no SMTP server is configured. */
interface Handover {
  displayName: string;
  email: string;
  url: string;
  expiresAt: Date;
}

export function TeamPage() {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions());
  const team = useQuery(trpc.team.list.queryOptions());
  const isAdmin = me.data?.role === "admin";
  const [notice, setNotice] = useState<string | null>(null);
  const [handover, setHandover] = useState<Handover | null>(null);
  const onLink = (h: Handover | null, notice: string) => {
    setNotice(notice);
    setHandover(h);
  };
  return (
    <>
      <Title title="Équipe" />
      <h1>Équipe et accès</h1>
      <p>
        Les comptes de l'équipe. {isAdmin ? "Vous pouvez inviter, désactiver et réinitialiser les mots de passe." : "Seuls les administrateurs gèrent les comptes ; vous pouvez modifier les postes des conseillers."}{" "}
        Toutes les actions sont inscrites au <Link href="/journal">journal</Link>.
      </p>
      <div role="status">{notice ? <Alert type="success" title={notice} /> : null}</div>
      {handover ? <HandoverLink key={handover.url} handover={handover} onClose={() => setHandover(null)} /> : null}
      {isAdmin ? <InviteForm onDone={onLink} /> : null}
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
                ...(isAdmin
                  ? [{ key: "a", header: "Actions", render: (u: TeamMemberView) => <Actions u={u} selfId={me.data?.id} onDone={setNotice} onLink={onLink} /> }]
                  : []),
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
  if (u.pendingInvite) return <Badge tone="warning">Invitation en attente</Badge>;
  return <Badge tone="success">Actif</Badge>;
}

/**
 * Without an e-mail server, the link of an invitation or reset is shown here once, to hand over.
 * It lives only in this page's memory: the server keeps its hash, nobody can display it again.
 */
function HandoverLink({ handover, onClose }: { handover: Handover; onClose: () => void }) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [copy, setCopy] = useState<"copied" | "failed" | null>(null);
  async function copyLink() {
    try {
      await navigator.clipboard.writeText(handover.url);
      setCopy("copied");
    } catch {
      (document.getElementById("handover-link") as HTMLInputElement | null)?.select();
      setCopy("failed");
    }
  }
  return (
    <section className="mn-card" aria-labelledby="handover-title">
      <h2 id="handover-title" ref={heading} tabIndex={-1}>
        Lien à transmettre à {handover.displayName}
      </h2>
      <p>
        Aucun serveur d'envoi d'e-mails n'est configuré : ce lien n'a été envoyé à personne. Transmettez-le vous-même à {handover.displayName} ({handover.email}), par un
        moyen sûr : en main propre, par téléphone ou par un message adressé à cette personne seulement.
      </p>
      <p>
        Il sert une seule fois, pour choisir un mot de passe, jusqu'au {formatDateTime(handover.expiresAt)}. <strong>Il ne sera plus affiché</strong> : si vous le perdez,
        utilisez « Réinitialiser le mot de passe » pour en créer un nouveau (celui-ci cessera alors de fonctionner).
      </p>
      <TextField label="Lien à transmettre" name="handover-link" value={handover.url} readOnly onFocus={(e) => e.currentTarget.select()} />
      <div className="mn-actions">
        <Button onClick={() => void copyLink()}>Copier le lien</Button>
        <Button variant="secondary" onClick={onClose}>
          Masquer le lien
        </Button>
      </div>
      <p role="status">
        {copy === "copied" ? "Lien copié : collez-le dans votre message." : copy === "failed" ? "La copie n'a pas fonctionné : le lien est sélectionné, copiez-le avec Ctrl+C (ou Cmd+C)." : ""}
      </p>
    </section>
  );
}

function Actions({
  u,
  selfId,
  onDone,
  onLink,
}: {
  u: TeamMemberView;
  selfId: string | undefined;
  onDone: (m: string) => void;
  onLink: (h: Handover | null, notice: string) => void;
}) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.team.pathKey() });
  const reset = useMutation(
    trpc.team.resetPassword.mutationOptions({
      // The answer may hold the link: not kept in the mutation cache once the page moves on.
      gcTime: 0,
      onSuccess: async (res) => {
        if (res.handover) onLink({ displayName: u.displayName, email: u.email, ...res.handover }, `Nouveau lien créé pour ${u.displayName} : transmettez-le ci-dessous.`);
        else onLink(null, `Un lien pour choisir un nouveau mot de passe a été envoyé à ${u.email}.`);
        await refresh();
      },
    }),
  );
  const disable = useMutation(trpc.team.disable.mutationOptions({ onSuccess: async () => { onDone(`Le compte de ${u.displayName} est désactivé ; ses sessions sont fermées.`); await refresh(); } }));
  const enable = useMutation(trpc.team.enable.mutationOptions({ onSuccess: async () => { onDone(`Le compte de ${u.displayName} est réactivé.`); await refresh(); } }));
  const role = useMutation(trpc.team.changeRole.mutationOptions({ onSuccess: async () => { onDone(`Le rôle de ${u.displayName} a changé.`); await refresh(); } }));
  const failed = reset.error ?? disable.error ?? enable.error ?? role.error;
  const self = u.id === selfId;
  const busy = reset.isPending || enable.isPending || disable.isPending;
  return (
    <div className="mn-row-actions">
      <ActionsMenu
        subject={u.displayName}
        actions={[
          ...(!u.disabled ? [{ label: "Réinitialiser le mot de passe", onSelect: () => reset.mutate({ userId: u.id }) }] : []),
          ...(self
            ? []
            : u.disabled
              ? [{ label: "Réactiver le compte", onSelect: () => enable.mutate({ userId: u.id }) }]
              : [{ label: "Désactiver le compte", danger: true, onSelect: () => disable.mutate({ userId: u.id }) }]),
        ]}
      />
      {busy ? (
        <p className="mn-hint" role="status">
          En cours…
        </p>
      ) : null}
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

function InviteForm({ onDone }: { onDone: (h: Handover | null, notice: string) => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [d, setD] = useState({ email: "", displayName: "", role: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const invite = useMutation(
    trpc.team.invite.mutationOptions({
      // The answer may hold the link: not kept in the mutation cache once the page moves on.
      gcTime: 0,
      onSuccess: async (res) => {
        if (res.handover) onDone({ displayName: d.displayName, email: d.email, ...res.handover }, `Compte créé pour ${d.displayName} : transmettez-lui le lien ci-dessous.`);
        else onDone(null, `Invitation envoyée à ${d.email}. Le lien est valable 7 jours.`);
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
      <p>
        Elle reçoit un lien à usage unique pour choisir son mot de passe : par e-mail si un serveur d'envoi est configuré ; sinon, le lien s'affiche ici une seule fois et
        vous le lui transmettez.
      </p>
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
        <Button type="submit" loading={invite.isPending} loadingLabel="Invitation en cours…">
          Inviter
        </Button>
      </div>
    </form>
  );
}
