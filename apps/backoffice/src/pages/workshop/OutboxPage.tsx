import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { formatDateTime, outboxStatusLabels, outboxStatuses, PERSONAL_LINK_MASK, personalLinkKinds, countOf } from "@medianum/domain";
import { Alert, Badge, Button, DataTable, EmptyState, SelectField, TextField, readApiError } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { QueryState, Title } from "../common.js";

type Status = (typeof outboxStatuses)[number];

/**
 * Every e-mail the product queued. Without SMTP_URL this is where messages stay, for staff to read.
 * Personal links (password, registration, collège tracking) are never here: they are created
 * when a message is sent, and a delivered message keeps only its envelope.
 */
export function OutboxPage() {
  const trpc = useTRPC();
  const [status, setStatus] = useState("");
  const [search, setSearch] = useState("");
  const [applied, setApplied] = useState({ status: "", search: "" });
  const [page, setPage] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const list = useQuery(
    trpc.outbox.list.queryOptions({
      page,
      ...(applied.status ? { status: applied.status as Status } : {}),
      ...(applied.search ? { search: applied.search } : {}),
    }),
  );
  return (
    <>
      <Title title="Messages envoyés" />
      <h1>Messages (e-mails)</h1>
      <p>
        Les liens personnels (choix d'un mot de passe, gestion d'une inscription, suivi d'une demande de collège) n'apparaissent jamais ici : chaque lien est créé au
        moment de l'envoi et seul son destinataire le reçoit. Une fois un message envoyé, son texte est effacé ; le destinataire, l'objet et les dates restent.
      </p>
      {list.data && !list.data.smtpConfigured ? (
        <Alert type="info" title="Aucun serveur d'envoi n'est configuré.">
          <p>Les e-mails ne partent pas : ils restent ici. Pour les envoyer, définissez SMTP_URL et MAIL_FROM sur le serveur.</p>
          <p>
            En attendant, les parents et les collèges ont leur lien personnel à l'écran après leur demande ; pour un compte de l'équipe, le lien s'affiche une fois, dans la
            page Équipe, à l'administrateur qui invite ou réinitialise.
          </p>
        </Alert>
      ) : null}
      <form
        className="mn-card"
        aria-label="Filtrer les messages"
        onSubmit={(e) => {
          e.preventDefault();
          setPage(0);
          setApplied({ status, search });
        }}
      >
        <SelectField
          label="Statut"
          name="status"
          placeholder="Tous"
          options={outboxStatuses.map((s) => ({ value: s, label: outboxStatusLabels[s] }))}
          value={status}
          onChange={(e) => setStatus(e.target.value)}
        />
        <TextField label="Destinataire ou objet contient" name="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        <Button type="submit">Filtrer</Button>
      </form>
      <QueryState query={list} loadingLabel="Chargement des messages…" errorTitle="Les messages n'ont pas pu être affichés.">
        {() =>
          list.data && list.data.items.length > 0 ? (
            <>
              <DataTable
                caption={`Messages (${list.data.total})`}
                rows={list.data.items}
                rowKey={(m) => m.id}
                columns={[
                  { key: "date", header: "Créé le", render: (m) => formatDateTime(m.createdAt) },
                  { key: "to", header: "Destinataire", render: (m) => m.to },
                  { key: "subject", header: "Objet", rowHeader: true, render: (m) => m.subject },
                  {
                    key: "status",
                    header: "Statut",
                    render: (m) => (
                      <>
                        <Badge tone={m.status === "sent" ? "success" : m.status === "failed" ? "danger" : "warning"}>
                          {outboxStatusLabels[m.status as Status] ?? m.status}
                        </Badge>
                        {m.lastError ? <span className="mn-hint"> {countOf(m.attempts, "essai")} : {m.lastError}</span> : null}
                      </>
                    ),
                  },
                  {
                    key: "read",
                    header: "Contenu",
                    render: (m) => (
                      <Button size="small" variant="secondary" aria-expanded={open === m.id} onClick={() => setOpen(open === m.id ? null : m.id)}>
                        {open === m.id ? "Masquer" : "Lire"}
                        <span className="mn-visually-hidden"> : {m.subject}</span>
                      </Button>
                    ),
                  },
                ]}
              />
              {open ? <Message id={open} /> : null}
              {list.data.total > list.data.pageSize ? (
                <div className="mn-actions">
                  <Button variant="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>
                    Page précédente
                  </Button>
                  <Button variant="secondary" disabled={(page + 1) * list.data.pageSize >= list.data.total} onClick={() => setPage(page + 1)}>
                    Page suivante
                  </Button>
                </div>
              ) : null}
            </>
          ) : (
            <EmptyState title="Aucun message." />
          )
        }
      </QueryState>
    </>
  );
}

function Message({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const m = useQuery(trpc.outbox.message.queryOptions({ id }));
  const retry = useMutation(trpc.outbox.retry.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.outbox.pathKey() }) }));
  if (m.isPending) return null;
  if (m.isError) return <Alert type="error">{readApiError(m.error).message}</Alert>;
  return (
    <section className="mn-card" aria-labelledby="message-objet">
      <h2 id="message-objet">{m.data.subject}</h2>
      <p>À : {m.data.to}</p>
      {m.data.sentAt ? <p>Envoyé le {formatDateTime(m.data.sentAt)}</p> : null}
      {m.data.status === "failed" && m.data.lastError ? (
        <Alert type="error" title={`Non envoyé (${countOf(m.data.attempts, "essai")}).`}>
          <p>Raison : {m.data.lastError}</p>
        </Alert>
      ) : null}
      {m.data.status === "pending" && m.data.lastError ? (
        <Alert type="warning" title={`Envoi en échec (${countOf(m.data.attempts, "essai")}).`}>
          <p>Raison : {m.data.lastError}</p>
          {m.data.nextAttemptAt ? <p>Nouvel essai le {formatDateTime(m.data.nextAttemptAt)}.</p> : null}
        </Alert>
      ) : null}
      {m.data.text === null ? (
        <p>Le texte de ce message a été effacé après l'envoi : seuls le destinataire, l'objet et les dates sont gardés.</p>
      ) : (
        <>
          {m.data.personalLink ? (
            <p className="mn-hint">
              {personalLinkKinds.label(m.data.personalLink)} : créé au moment de l'envoi, seul le destinataire le reçoit. Il apparaît ici sous la forme «{" "}
              {PERSONAL_LINK_MASK} ».
            </p>
          ) : null}
          <pre className="mn-message-text" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
            {m.data.text}
          </pre>
        </>
      )}
      {m.data.ics ? (
        <details>
          <summary>Fichier d'agenda joint (.ics)</summary>
          <pre style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{m.data.ics}</pre>
        </details>
      ) : null}
      {m.data.status === "failed" ? (
        <Button variant="secondary" loading={retry.isPending} onClick={() => retry.mutate({ id })}>
          Renvoyer
        </Button>
      ) : null}
    </section>
  );
}
