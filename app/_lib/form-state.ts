/** What a server action returns to its form (`useActionState`). Plain data, importable from client components. */
export interface FormState {
  status: "idle" | "success" | "error";
  message?: string;
  fieldErrors?: Record<string, string>;
  /** What was typed, so a failed form keeps it (never passwords). */
  values?: Record<string, string>;
  data?: Record<string, string | number | boolean | null>;
}

export const initialFormState: FormState = { status: "idle" };
