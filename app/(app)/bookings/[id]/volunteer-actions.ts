"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authedAction } from "@/app/_lib/action";
import { assignVolunteers } from "@/lib/engagements/assign-volunteers";
import { pickedVolunteers } from "../../needs/_lib/picked-volunteers";
import { explainVolunteerErrors } from "../../needs/_lib/volunteer-errors";

export const assignVolunteersAction = authedAction(
  pickedVolunteers({ bookingId: z.uuid("not_found") }),
  async ({ db, actor, input }) => {
    const failed = await explainVolunteerErrors(async () => {
      await assignVolunteers(db, actor, { bookingId: input.bookingId, volunteerIds: input.volunteerIds });
    });
    if (failed) return failed;
    revalidatePath(`/bookings/${input.bookingId}`);
    redirect(`/bookings/${input.bookingId}?done=assigned`);
  },
);
