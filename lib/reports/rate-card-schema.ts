import { z } from "zod";
import { isLocalDate } from "@/lib/domain/wall-clock";

export const RATE_CATEGORIES = [
  "premises_hour",
  "equipment_unit_day",
  "volunteer_hour_simple",
  "volunteer_hour_specialist",
] as const;
export type RateCategory = (typeof RATE_CATEGORIES)[number];
export type RateUnit = "hour" | "unit_day" | "volunteer_hour";

/** What one unit of a category's rate buys. */
export const unitOfCategory: Record<RateCategory, RateUnit> = {
  premises_hour: "hour",
  equipment_unit_day: "unit_day",
  volunteer_hour_simple: "volunteer_hour",
  volunteer_hour_specialist: "volunteer_hour",
};

/** What one unit of a resource's own rate buys, by its kind. */
export const unitOfKind: Record<"premises" | "equipment" | "expertise", RateUnit> = {
  premises: "hour",
  equipment: "unit_day",
  expertise: "volunteer_hour",
};

/** The scope field of the form: `category:premises_hour` or `resource:<uuid>`. */
export const rateScopeSchema = z.string("required").transform((value, ctx) => {
  const [type, rest] = [value.slice(0, value.indexOf(":")), value.slice(value.indexOf(":") + 1)];
  if (type === "category" && (RATE_CATEGORIES as readonly string[]).includes(rest)) {
    return { category: rest as RateCategory, resourceId: null };
  }
  if (type === "resource" && z.uuid().safeParse(rest).success) return { category: null, resourceId: rest };
  ctx.addIssue({ code: "custom", message: "required" });
  return z.NEVER;
});

/** An amount in złoty as typed in Poland: `31,40`, `1 250,00`, `60` or `60.5`; at most 99 999 999,99. */
export const amountSchema = z.union([z.number(), z.string()], "required").transform((value, ctx) => {
  if (typeof value === "number") {
    if (Number.isFinite(value) && value >= 0 && value < 1e8 && Math.round(value * 100) === value * 100) return value;
    ctx.addIssue({ code: "custom", message: "invalid_amount" });
    return z.NEVER;
  }
  const text = value
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(/zł$/i, "")
    .replace(",", ".");
  if (text === "") {
    ctx.addIssue({ code: "custom", message: "required" });
    return z.NEVER;
  }
  if (!/^\d{1,8}(\.\d{1,2})?$/.test(text)) {
    ctx.addIssue({ code: "custom", message: "invalid_amount" });
    return z.NEVER;
  }
  return Number(text);
});

export const localDateSchema = z
  .string("required")
  .trim()
  .min(1, "required")
  .refine((v) => isLocalDate(v), "bad_date");

export const addRateCardSchema = z.object({
  scope: rateScopeSchema,
  amount: amountSchema,
  validFrom: localDateSchema,
  source: z.string("required").trim().min(1, "required").max(300, "too_long"),
});
export type AddRateCardInput = z.input<typeof addRateCardSchema>;
