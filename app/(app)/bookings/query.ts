/** The agenda's filters, read from the address so that every view can be linked to and works without JavaScript. */
export const scopes = ["all", "outgoing", "incoming"] as const;
export const statusFilters = [
  "active",
  "pending",
  "approved",
  "declined",
  "cancelled",
  "completed",
  "expired",
  "all",
] as const;
export const periods = ["upcoming", "past"] as const;

export type Scope = (typeof scopes)[number];
export type StatusFilter = (typeof statusFilters)[number];
export type When = (typeof periods)[number];

export interface AgendaQuery {
  scope: Scope;
  status: StatusFilter;
  when: When;
}

const pick = <T extends string>(allowed: readonly T[], value: unknown, fallback: T): T =>
  typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;

export function readAgendaQuery(params: Record<string, string | string[] | undefined>): AgendaQuery {
  const when = pick(periods, params.when, "upcoming");
  // Ahead, what still holds a slot; behind, everything that happened.
  const status = pick(statusFilters, params.status, when === "upcoming" ? "active" : "all");
  return { scope: pick(scopes, params.scope, "all"), status, when };
}

/** The `status` argument of listBookings. */
export function statusArgument(status: StatusFilter): string | undefined {
  if (status === "all") return undefined;
  if (status === "active") return "pending,approved";
  return status;
}

const defaultStatus = (when: When): StatusFilter => (when === "upcoming" ? "active" : "all");

export function agendaHref(query: AgendaQuery, change: Partial<AgendaQuery> = {}): string {
  const next = { ...query, ...change };
  // Switching between upcoming and past keeps a chosen status, but not the other view's default.
  if (change.when && !change.status && query.status === defaultStatus(query.when))
    next.status = defaultStatus(next.when);
  const params = new URLSearchParams();
  if (next.scope !== "all") params.set("scope", next.scope);
  if (next.when !== "upcoming") params.set("when", next.when);
  if (next.status !== defaultStatus(next.when)) params.set("status", next.status);
  const search = params.toString();
  return search ? `/bookings?${search}` : "/bookings";
}
