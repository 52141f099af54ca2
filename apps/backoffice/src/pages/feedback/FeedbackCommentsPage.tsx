import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { feedbackKinds, usefulnessLevels } from "@medianum/domain";
import { Alert, Badge, Button, CheckboxField, EmptyState, readApiError } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";
import { QueryState, Title } from "../common.js";
import { FiltersForm, useUrlFilters } from "../stats/Filters.js";
import { monthLabel } from "../stats/format.js";
import { FeedbackFigures } from "./FeedbackFigures.js";

/** Free comments of the participants, read by coordination; an abusive one can be hidden (journal). */
export function FeedbackCommentsPage() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [filters, setFilters] = useUrlFilters();
  const [includeHidden, setIncludeHidden] = useState(false);
  const [page, setPage] = useState(0);
  const q = useQuery(trpc.feedback.comments.queryOptions({ ...filters, includeHidden, page }));
  const hide = useMutation(trpc.feedback.setCommentHidden.mutationOptions({ onSuccess: () => void qc.invalidateQueries({ queryKey: trpc.feedback.pathKey() }) }));
  return (
    <>
      <Title title="Avis des participants" />
      <h1>Avis des participants</h1>
      <p>
        Réponses anonymes des parents, des collèges et des participants aux ateliers collectifs. Un commentaire injurieux peut être masqué : il
        disparaît du bilan et des exports, et l'action est inscrite au journal.
      </p>
      <FiltersForm value={filters} onApply={setFilters} withScope={false} />
      <h2>Chiffres</h2>
      <FeedbackFigures filters={filters} />
      <h2>Commentaires</h2>
      <CheckboxField label="Montrer aussi les commentaires masqués" name="include-hidden" checked={includeHidden} onChange={(e) => setIncludeHidden(e.target.checked)} />
      {hide.error ? (
        <Alert type="error" title="Le commentaire n'a pas pu être modifié.">
          <p>{readApiError(hide.error).message}</p>
        </Alert>
      ) : null}
      <QueryState query={q} loadingLabel="Chargement des commentaires…" errorTitle="Les commentaires n'ont pas pu être chargés.">
        {() => {
          const v = q.data;
          if (!v) return null;
          if (v.items.length === 0) return <EmptyState title="Aucun commentaire sur cette période." />;
          const pages = Math.ceil(v.total / v.pageSize);
          return (
            <>
              <ul className="mn-card-list">
                {v.items.map((c) => (
                  <li className="mn-card" key={c.id}>
                    <h3 className="mn-card__title">
                      {c.about} — {monthLabel(c.month)}
                    </h3>
                    <p>
                      <Badge tone="neutral">{feedbackKinds.label(c.kind)}</Badge> Utilité : {usefulnessLevels.label(String(c.usefulness) as "1")}
                      {c.hidden ? (
                        <>
                          {" "}
                          <Badge tone="warning">Masqué</Badge>
                        </>
                      ) : null}
                    </p>
                    {c.change ? (
                      <p>
                        <strong>Ce qui va changer :</strong> {c.change}
                      </p>
                    ) : null}
                    {c.comment ? (
                      <p>
                        <strong>Commentaire :</strong> {c.comment}
                      </p>
                    ) : null}
                    <Button variant="secondary" size="small" loading={hide.isPending && hide.variables.id === c.id} loadingLabel="Enregistrement…" onClick={() => hide.mutate({ id: c.id, hidden: !c.hidden })}>
                      {c.hidden ? "Afficher de nouveau" : "Masquer ce commentaire"}
                    </Button>
                  </li>
                ))}
              </ul>
              {pages > 1 ? (
                <nav aria-label="Pages des commentaires" className="mn-actions">
                  <Button variant="secondary" size="small" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
                    Page précédente
                  </Button>
                  <span>
                    Page {page + 1} sur {pages}
                  </span>
                  <Button variant="secondary" size="small" disabled={page + 1 >= pages} onClick={() => setPage((p) => p + 1)}>
                    Page suivante
                  </Button>
                </nav>
              ) : null}
            </>
          );
        }}
      </QueryState>
    </>
  );
}
