import { z } from "zod";

/** One entry of a value list: a stable code stored in the database and its French label. */
export interface ValueItem<V extends string = string> {
  readonly value: V;
  readonly label: string;
  readonly hint?: string;
}

/**
 * A value list defined once: codes (stored as text in the database, validated here), French
 * labels for the UI and exports, and a zod schema. Every list of the product goes through this.
 */
export function valueList<const Items extends readonly [ValueItem, ...ValueItem[]]>(items: Items) {
  type Value = Items[number]["value"];
  const values = items.map((i) => i.value) as unknown as readonly [Value, ...Value[]];
  const labels = Object.fromEntries(items.map((i) => [i.value, i.label])) as Record<Value, string>;
  return {
    items,
    values,
    labels,
    schema: z.enum(values as unknown as [Value, ...Value[]], {
      error: () => "Choisissez une valeur dans la liste.",
    }),
    /** The same schema with a message for one form field ("Niveau : choisissez le niveau de la classe."). */
    choice(message: string) {
      return z.enum(values as unknown as [Value, ...Value[]], { error: () => message });
    },
    label(value: Value): string {
      return labels[value];
    },
    has(value: string): value is Value {
      return (values as readonly string[]).includes(value);
    },
  };
}

export type ValueOf<L extends { values: readonly string[] }> = L["values"][number];
