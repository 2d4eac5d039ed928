import { z } from "zod";

/**
 * A form whose checkboxes are named `volunteer-<id>` (a form posts one value per name, so a list of ticked people
 * comes as one field each): the ids of the ticked ones, as `volunteerIds` for the use-case.
 */
export const pickedVolunteers = <S extends z.ZodRawShape>(shape: S) =>
  z.looseObject(shape).transform((form) => ({
    ...(form as z.infer<z.ZodObject<S>>),
    volunteerIds: Object.entries(form as Record<string, unknown>)
      .filter(([key, value]) => key.startsWith("volunteer-") && value === "on")
      .map(([key]) => key.slice("volunteer-".length)),
  }));
