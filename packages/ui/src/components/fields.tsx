import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

interface FieldBase {
  label: ReactNode;
  /** Field name; also the id unless `id` is given (ErrorSummary links to `#id`). */
  name: string;
  id?: string;
  hint?: ReactNode;
  error?: string | null;
  /** Adds "(facultatif)" to the label. */
  optional?: boolean;
}

function describedBy(id: string, hint: unknown, error: unknown, extra?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null, extra ?? null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function LabelText({ label, optional }: { label: ReactNode; optional?: boolean }) {
  return (
    <>
      {label}
      {optional ? <span className="mn-optional"> (facultatif)</span> : null}
    </>
  );
}

function HintAndError({ id, hint, error }: { id: string; hint?: ReactNode; error?: string | null }) {
  return (
    <>
      {hint ? (
        <span className="mn-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="mn-error-message" id={`${id}-error`}>
          <span className="mn-visually-hidden">Erreur : </span>
          {error}
        </span>
      ) : null}
    </>
  );
}

function fieldClass(error?: string | null) {
  return error ? "mn-field mn-field--error" : "mn-field";
}

export type TextFieldProps = FieldBase & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id"> & { short?: boolean };

export function TextField({ label, name, id = name, hint, error, optional, short, className, ...input }: TextFieldProps) {
  return (
    <div className={fieldClass(error)}>
      <label className="mn-label" htmlFor={id}>
        <LabelText label={label} optional={optional} />
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <input
        type="text"
        {...input}
        id={id}
        name={name}
        className={["mn-input", short ? "mn-input--short" : "", className ?? ""].filter(Boolean).join(" ")}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error, input["aria-describedby"])}
      />
    </div>
  );
}

export type NumberFieldProps = Omit<TextFieldProps, "type" | "value" | "onChange"> & {
  value: number | null;
  onChange: (value: number | null) => void;
};

/** Whole numbers; `inputMode="numeric"` shows the numeric keyboard on phones. */
export function NumberField({ value, onChange, short = true, ...rest }: NumberFieldProps) {
  return (
    <TextField
      {...rest}
      short={short}
      type="text"
      inputMode="numeric"
      pattern="[0-9]*"
      value={value == null ? "" : String(value)}
      onChange={(e) => {
        const raw = e.target.value.replace(/\D/g, "");
        onChange(raw === "" ? null : Number(raw));
      }}
    />
  );
}

export interface Option {
  value: string;
  label: string;
  hint?: string;
}

export type SelectFieldProps = FieldBase &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "id"> & {
    options: readonly Option[];
    /** First, empty option (e.g. "Choisissez un lieu"). */
    placeholder?: string;
  };

export function SelectField({ label, name, id = name, hint, error, optional, options, placeholder, ...select }: SelectFieldProps) {
  return (
    <div className={fieldClass(error)}>
      <label className="mn-label" htmlFor={id}>
        <LabelText label={label} optional={optional} />
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <select
        {...select}
        id={id}
        name={name}
        className="mn-select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export type TextAreaProps = FieldBase & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id">;

export function TextArea({ label, name, id = name, hint, error, optional, ...textarea }: TextAreaProps) {
  return (
    <div className={fieldClass(error)}>
      <label className="mn-label" htmlFor={id}>
        <LabelText label={label} optional={optional} />
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <textarea
        rows={4}
        {...textarea}
        id={id}
        name={name}
        className="mn-textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}

export type CheckboxFieldProps = FieldBase & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "type">;

/** A single checkbox (e.g. consent). */
export function CheckboxField({ label, name, id = name, hint, error, optional, ...input }: CheckboxFieldProps) {
  return (
    <div className={fieldClass(error)}>
      <HintAndError id={id} hint={null} error={error} />
      <div className="mn-choice">
        <input
          {...input}
          type="checkbox"
          id={id}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
        />
        <div>
          <label htmlFor={id}>
            <LabelText label={label} optional={optional} />
          </label>
          {hint ? (
            <span className="mn-hint" id={`${id}-hint`}>
              {hint}
            </span>
          ) : null}
        </div>
      </div>
    </div>
  );
}

interface GroupBase {
  legend: ReactNode;
  /** Name of the inputs; the first option's id is `${name}-${value}` and ErrorSummary links to `#${name}`. */
  name: string;
  options: readonly Option[];
  hint?: ReactNode;
  error?: string | null;
  optional?: boolean;
  /** Options side by side (short labels such as durations). */
  inline?: boolean;
}

/**
 * Group of radios or checkboxes in a fieldset. The fieldset carries `id={name}` and tabIndex -1
 * so that ErrorSummary links land on it.
 */
function ChoiceGroup({
  type,
  legend,
  name,
  options,
  hint,
  error,
  optional,
  inline,
  isChecked,
  onToggle,
}: GroupBase & { type: "radio" | "checkbox"; isChecked: (v: string) => boolean; onToggle: (v: string, checked: boolean) => void }) {
  const groupDescribedBy = describedBy(name, hint, error);
  return (
    <fieldset className={fieldClass(error)} id={name} tabIndex={-1} aria-describedby={groupDescribedBy}>
      <legend className="mn-legend">
        <LabelText label={legend} optional={optional} />
      </legend>
      <HintAndError id={name} hint={hint} error={error} />
      <div className={inline ? "mn-choices mn-choices--inline" : "mn-choices"}>
        {options.map((o) => {
          const id = `${name}-${o.value}`;
          return (
            <div className="mn-choice" key={o.value}>
              <input
                type={type}
                id={id}
                name={name}
                value={o.value}
                checked={isChecked(o.value)}
                onChange={(e) => onToggle(o.value, e.target.checked)}
                aria-describedby={o.hint ? `${id}-hint` : undefined}
              />
              <div>
                <label htmlFor={id}>{o.label}</label>
                {o.hint ? (
                  <span className="mn-hint" id={`${id}-hint`}>
                    {o.hint}
                  </span>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export type RadioGroupProps = GroupBase & { value: string | null; onChange: (value: string) => void };

export function RadioGroup({ value, onChange, ...rest }: RadioGroupProps) {
  return <ChoiceGroup {...rest} type="radio" isChecked={(v) => v === value} onToggle={(v) => onChange(v)} />;
}

export type CheckboxGroupProps = GroupBase & { value: readonly string[]; onChange: (value: string[]) => void };

export function CheckboxGroup({ value, onChange, options, ...rest }: CheckboxGroupProps) {
  return (
    <ChoiceGroup
      {...rest}
      options={options}
      type="checkbox"
      isChecked={(v) => value.includes(v)}
      onToggle={(v, checked) => {
        const next = checked ? [...value, v] : value.filter((x) => x !== v);
        // Keep the options' order, whatever the click order.
        onChange(options.map((o) => o.value).filter((x) => next.includes(x)));
      }}
    />
  );
}
