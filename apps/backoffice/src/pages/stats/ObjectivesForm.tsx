import { useEffect, useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { dashboardMetrics, objectiveInput, type DashboardMetric } from "@medianum/domain";
import { Alert, Button, ErrorSummary, TextField, issuesToFieldErrors, readApiError, toSummary, type FieldErrors } from "@medianum/ui";
import { useTRPC } from "@medianum/api-client";

/** Yearly objectives of the département, set by staff; an empty field means "no objective". */
export function ObjectivesForm({ year }: { year: number }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const q = useQuery(trpc.stats.objectives.queryOptions({ year }));
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (q.data) setValues(Object.fromEntries(q.data.map((o) => [o.metric, String(o.value)])));
  }, [q.data]);
  const save = useMutation(
    trpc.stats.setObjectives.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await qc.invalidateQueries({ queryKey: trpc.stats.pathKey() });
      },
    }),
  );
  const id = (m: string) => `objective-${m}`;

  function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const input = {
      year,
      objectives: dashboardMetrics.values.map((metric) => {
        const raw = (values[metric] ?? "").replace(/\s/g, "");
        return { metric, value: raw === "" ? null : Number(raw) };
      }),
    };
    const res = objectiveInput.safeParse(input);
    if (!res.success) {
      const fe = issuesToFieldErrors(res.error.issues);
      const byMetric: FieldErrors = {};
      for (const [k, msg] of Object.entries(fe)) {
        const i = Number(k.split(".")[1]);
        const metric = dashboardMetrics.values[i];
        if (metric) byMetric[metric] = msg;
      }
      setErrors(byMetric);
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    save.mutate(res.data);
  }

  return (
    <section aria-labelledby="objectives-title" className="mn-no-print">
      <h2 id="objectives-title">Objectifs {year}</h2>
      <p>Les objectifs annuels du département, comparés aux chiffres ci-dessus. Laissez vide un chiffre sans objectif.</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={toSummary(errors, dashboardMetrics.values, id)} focusKey={attempt} />
        {save.isError ? (
          <Alert type="error" title="Les objectifs n'ont pas été enregistrés.">
            <p>{readApiError(save.error).message}</p>
          </Alert>
        ) : null}
        {saved ? (
          <Alert type="success" title="Objectifs enregistrés." role="status">
            <p>Les comparaisons sont à jour.</p>
          </Alert>
        ) : null}
        <div className="mn-objectives">
          {dashboardMetrics.items.map((m) => (
            <TextField
              key={m.value}
              label={m.label}
              name={id(m.value)}
              inputMode="numeric"
              optional
              short
              value={values[m.value] ?? ""}
              error={errors[m.value as DashboardMetric]}
              onChange={(e) => setValues({ ...values, [m.value]: e.target.value })}
            />
          ))}
        </div>
        <div className="mn-actions">
          <Button type="submit" loading={save.isPending} loadingLabel="Enregistrement…">
            Enregistrer les objectifs {year}
          </Button>
        </div>
      </form>
    </section>
  );
}
