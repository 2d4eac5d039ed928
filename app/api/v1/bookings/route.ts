import { z } from "zod";
import { authedRoute } from "@/app/api/_lib/route";
import { bookingJson } from "@/lib/bookings/booking-view";
import { type CreateBookingInput, createBooking } from "@/lib/bookings/create-booking";
import { type ListBookingsInput, listBookings } from "@/lib/bookings/list-bookings";

// The use-cases validate with their own zod schemas; a failure answers 400 with the fields.
const anyQuery = z.record(z.string(), z.string());
const anyBody = z.unknown();

/** `GET /api/v1/bookings?scope=outgoing|incoming&status=` → `200 {"items":[…]}` */
export const GET = authedRoute({ query: anyQuery }, async ({ db, actor, query }) => {
  const items = await listBookings(db, actor, query as ListBookingsInput);
  return { body: { items: items.map(bookingJson) } };
});

/**
 * `POST /api/v1/bookings` `{"resourceId","start","end","quantity"?,"purpose"}` → `201 {"id","status","start","end","quantity",…}`;
 * `409` when taken (with three alternatives), `422` for a broken rule or a reused Idempotency-Key, `400` for bad input.
 */
export const POST = authedRoute({ body: anyBody }, async ({ db, actor, body, request }) => {
  const key = request.headers.get("idempotency-key") ?? undefined;
  const booking = await createBooking(db, actor, body as CreateBookingInput, { idempotencyKey: key });
  return {
    status: 201,
    body: bookingJson(booking),
    headers: booking.replayed ? { "Idempotent-Replayed": "true" } : undefined,
  };
});
