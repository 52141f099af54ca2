import { useState } from "react";
import { feedbackAnswers, feedbackQuestions, recommendAnswers, usefulnessLevels, type FeedbackAnswers } from "@medianum/domain";
import { Alert, Button, ErrorSummary, RadioGroup, TextArea, issuesToFieldErrors, readApiError, toSummary, type FieldErrors } from "@medianum/ui";

const FIELDS = ["usefulness", "change", "recommend", "comment"] as const;

/**
 * The questionnaire, the same for parents, collèges and workshop participants: questions and
 * checks come from domain, the server checks again.
 */
export function FeedbackForm({
  idPrefix = "",
  onSubmit,
  pending,
  error,
}: {
  /** Keeps ids unique when a page shows several questionnaires (one per collège session). */
  idPrefix?: string;
  onSubmit: (answers: FeedbackAnswers) => void;
  pending: boolean;
  error: unknown;
}) {
  const [usefulness, setUsefulness] = useState<string | null>(null);
  const [recommend, setRecommend] = useState<string | null>(null);
  const [change, setChange] = useState("");
  const [comment, setComment] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);

  const server = error ? readApiError(error) : null;
  const serverFields: FieldErrors = {};
  for (const [k, v] of Object.entries(server?.fieldErrors ?? {})) serverFields[k.replace(/^answers\./, "")] = v;
  const shown = Object.keys(errors).length ? errors : serverFields;
  const id = (f: string) => `${idPrefix}${f}`;

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setAttempt((n) => n + 1);
        const parsed = feedbackAnswers.safeParse({ usefulness: usefulness ?? undefined, recommend: recommend ?? undefined, change, comment });
        if (!parsed.success) {
          setErrors(issuesToFieldErrors(parsed.error.issues));
          return;
        }
        setErrors({});
        onSubmit(parsed.data);
      }}
    >
      <ErrorSummary errors={toSummary(shown, FIELDS, id)} focusKey={attempt} title="Votre réponse n'est pas complète" />
      {server && !Object.keys(serverFields).length ? (
        <Alert type="error" title="Votre réponse n'a pas pu être enregistrée.">
          <p>{server.message}</p>
        </Alert>
      ) : null}
      <RadioGroup
        legend={feedbackQuestions.usefulness.label}
        hint={feedbackQuestions.usefulness.hint}
        name={id("usefulness")}
        options={usefulnessLevels.items.map((i) => ({ value: i.value, label: `${i.value} — ${i.label}` }))}
        value={usefulness}
        onChange={setUsefulness}
        error={shown.usefulness}
      />
      <TextArea
        label={feedbackQuestions.change.label}
        name={id("change")}
        optional
        rows={3}
        maxLength={1000}
        value={change}
        onChange={(e) => setChange(e.target.value)}
        error={shown.change}
      />
      <RadioGroup
        legend={feedbackQuestions.recommend.label}
        name={id("recommend")}
        inline
        options={recommendAnswers.items}
        value={recommend}
        onChange={setRecommend}
        error={shown.recommend}
      />
      <TextArea
        label={feedbackQuestions.comment.label}
        hint={feedbackQuestions.comment.hint}
        name={id("comment")}
        optional
        rows={4}
        maxLength={2000}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        error={shown.comment}
      />
      <div className="mn-actions">
        <Button type="submit" loading={pending} loadingLabel="Envoi…">
          Envoyer ma réponse
        </Button>
      </div>
    </form>
  );
}
