import { customType } from "drizzle-orm/pg-core";

/**
 * A PostgreSQL `tstzrange`, read and written as its text form `[2026-05-01 10:00:00+00,2026-05-01 12:00:00+00)`.
 * Use-cases build and parse it through `lib/domain/period.ts`, never by hand.
 */
export const tstzrange = customType<{ data: string; driverData: string }>({
  dataType() {
    return "tstzrange";
  },
});
