import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/connect";
import { outboxMessages, users } from "@/db/schema";
import { cancelBooking } from "@/lib/bookings/cancel-booking";
import { createBooking } from "@/lib/bookings/create-booking";
import { approveBooking } from "@/lib/bookings/decide-booking";
import { backoffMs, deliverOutbox, messageIdOf } from "@/lib/mail/deliver-outbox";
import { listOutbox } from "@/lib/mail/list-outbox";
import { renderMail } from "@/lib/mail/render";
import { type Mailer, smtpMailer } from "@/lib/mail/transport";
import { inviteMember } from "@/lib/members/invite-member";
import { createTestDatabase, testDriver } from "../helpers/db";
import { createMember, createOrganisation, createResource } from "../helpers/factories";
import { TestSmtp } from "../helpers/smtp";

let h: DatabaseHandle;
let smtp: TestSmtp;
let mailer: Mailer;
const from = "Współdzielnia <powiadomienia@test.invalid>";
const domain = "test.invalid";
beforeAll(async () => {
  h = await createTestDatabase();
  smtp = await new TestSmtp().start();
  mailer = smtpMailer(smtp.url);
});
afterAll(async () => {
  mailer?.close();
  await smtp?.stop();
  await h?.close();
});

const T0 = new Date("2027-03-01T09:00:00Z");
const hoursLater = (n: number) => new Date(T0.getTime() + n * 3_600_000);
const deliver = (now: Date, m: Mailer = mailer) => deliverOutbox(h.db, m, { from, domain, now });

/** An owner with a hall that needs approval and two people, and a borrower with one person. */
async function scene() {
  const owner = await createOrganisation(h.db);
  const borrower = await createOrganisation(h.db);
  const ownerAdmin = await createMember(h.db, owner.id, "admin");
  const ownerMember = await createMember(h.db, owner.id, "member");
  const requester = await createMember(h.db, borrower.id, "member");
  const hall = await createResource(h.db, owner.id, { name: "Sala konferencyjna MOPS", bookingMode: "approval" });
  return { owner, borrower, ownerAdmin, ownerMember, requester, hall };
}

async function outboxOf(address: string) {
  return h.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, address));
}

describe(`e-mail through a real SMTP server on loopback (${testDriver})`, () => {
  it("writes the owner's e-mails with the request and delivers them with a stable Message-ID and a link", async () => {
    const s = await scene();
    const booking = await createBooking(
      h.db,
      s.requester.actor,
      {
        resourceId: s.hall.id,
        start: hoursLater(48).toISOString(),
        end: hoursLater(50).toISOString(),
        purpose: "Zebranie",
      },
      { now: T0 },
    );
    // Written by the same statement as the booking: one message per person of the owner, none to the requester.
    const [row] = await outboxOf(s.ownerAdmin.user.email);
    expect(row).toMatchObject({ status: "pending", kind: "booking_request" });
    expect(await outboxOf(s.ownerMember.user.email)).toHaveLength(1);
    expect(await outboxOf(s.requester.user.email)).toHaveLength(0);

    const result = await deliver(T0);
    expect(result.sent).toBeGreaterThanOrEqual(2);
    const [mail] = smtp.to(s.ownerAdmin.user.email);
    expect(mail.messageId).toBe(messageIdOf(row.id, domain));
    expect(mail.subject).toBe("Prośba o rezerwację: Sala konferencyjna MOPS");
    expect(mail.text).toContain(`http://localhost:3000/bookings/${booking.id}`);
    expect(mail.text).toContain(s.borrower.name);
    expect(mail.text).toContain("3 marca 2027, 10:00–12:00");
    expect(mail.html).toContain(`href="http://localhost:3000/bookings/${booking.id}"`);
    const [after] = await outboxOf(s.ownerAdmin.user.email);
    expect(after).toMatchObject({ status: "sent", attempts: 1, claimedUntil: null });
    expect(after.sentAt?.toISOString()).toBe(T0.toISOString());
  });

  it("writes in the recipient's language", async () => {
    const s = await scene();
    await h.db.update(users).set({ locale: "en" }).where(eq(users.id, s.ownerAdmin.user.id));
    await createBooking(
      h.db,
      s.requester.actor,
      {
        resourceId: s.hall.id,
        start: hoursLater(72).toISOString(),
        end: hoursLater(73).toISOString(),
        purpose: "Meeting",
      },
      { now: T0 },
    );
    await deliver(T0);
    expect(smtp.to(s.ownerAdmin.user.email)[0].subject).toBe("Booking request: Sala konferencyjna MOPS");
    expect(smtp.to(s.ownerMember.user.email)[0].subject).toBe("Prośba o rezerwację: Sala konferencyjna MOPS");
  });

  it("loses nothing while the server is down and delivers every message exactly once when it is back", async () => {
    const s = await scene();
    const before = smtp.received.length;
    await smtp.stop();
    // Events while the mail server is down: a request, its approval, another request and its cancellation.
    const first = await createBooking(
      h.db,
      s.requester.actor,
      { resourceId: s.hall.id, start: hoursLater(100).toISOString(), end: hoursLater(102).toISOString(), purpose: "A" },
      { now: T0 },
    );
    await approveBooking(h.db, s.ownerAdmin.actor, { bookingId: first.id }, T0);
    const second = await createBooking(
      h.db,
      s.requester.actor,
      { resourceId: s.hall.id, start: hoursLater(110).toISOString(), end: hoursLater(112).toISOString(), purpose: "B" },
      { now: T0 },
    );
    await cancelBooking(h.db, s.requester.actor, { bookingId: second.id }, T0);
    const ids = (
      await h.db.select({ id: outboxMessages.id }).from(outboxMessages).where(eq(outboxMessages.status, "pending"))
    ).map((r) => r.id);
    // 2 owner people × (request, request, cancellation) + 1 requester × approval.
    expect(ids).toHaveLength(7);

    const failed = await deliver(T0);
    expect(failed).toEqual({ sent: 0, failed: 7 });
    const rows = await h.db.select().from(outboxMessages).where(eq(outboxMessages.status, "pending"));
    for (const r of rows) {
      expect(r.attempts).toBe(1);
      expect(r.lastError).toBeTruthy();
      expect(r.claimedUntil).toBeNull();
      expect(r.nextAttemptAt.getTime()).toBe(T0.getTime() + backoffMs(1));
    }
    // Backing off: nothing is due yet, so nothing is tried.
    expect(await deliver(new Date(T0.getTime() + 1000))).toEqual({ sent: 0, failed: 0 });
    // Still down at the next attempt: the wait doubles.
    const second2 = new Date(T0.getTime() + backoffMs(1));
    expect(await deliver(second2)).toEqual({ sent: 0, failed: 7 });
    const [again] = await h.db.select().from(outboxMessages).where(eq(outboxMessages.id, ids[0]));
    expect(again.nextAttemptAt.getTime()).toBe(second2.getTime() + backoffMs(2));

    await smtp.start();
    const later = hoursLater(1);
    expect(await deliver(later)).toEqual({ sent: 7, failed: 0 });
    expect(await deliver(hoursLater(2))).toEqual({ sent: 0, failed: 0 });
    const got = smtp.received.slice(before).map((m) => m.messageId);
    expect(got.sort()).toEqual(ids.map((id) => messageIdOf(id, domain)).sort());
    expect(new Set(got).size).toBe(got.length);
  });

  it("lets two senders run at once without sending any message twice", async () => {
    const s = await scene();
    const before = smtp.received.length;
    for (let i = 0; i < 8; i++) {
      await createBooking(
        h.db,
        s.requester.actor,
        {
          resourceId: s.hall.id,
          start: hoursLater(200 + i * 3).toISOString(),
          end: hoursLater(201 + i * 3).toISOString(),
          purpose: `Spotkanie ${i}`,
        },
        { now: T0 },
      );
    }
    const other = smtpMailer(smtp.url);
    const [a, b] = await Promise.all([
      deliverOutbox(h.db, mailer, { from, domain, now: T0, batch: 5 }),
      deliverOutbox(h.db, other, { from, domain, now: T0, batch: 5 }),
    ]);
    await deliver(T0);
    other.close();
    expect(a.sent + b.sent).toBeGreaterThan(0);
    const got = smtp.received.slice(before).map((m) => m.messageId);
    expect(got).toHaveLength(16);
    expect(new Set(got).size).toBe(16);
  });

  it("after a sender dies mid-send, its claim expires and the retry carries the same Message-ID", async () => {
    const s = await scene();
    const before = smtp.received.length;
    await createBooking(
      h.db,
      s.requester.actor,
      { resourceId: s.hall.id, start: hoursLater(300).toISOString(), end: hoursLater(301).toISOString(), purpose: "C" },
      { now: T0 },
    );
    // This sender hands the messages to the server and then never records it (as if the process died there).
    const dying: Mailer = {
      send: async (m) => {
        await mailer.send(m);
        await new Promise(() => {});
      },
      close: () => {},
    };
    void deliverOutbox(h.db, dying, { from, domain, now: T0, batch: 1 });
    await expect.poll(() => smtp.received.length - before, { timeout: 5000 }).toBe(1);
    const [claimed] = await h.db
      .select()
      .from(outboxMessages)
      .where(sql`${outboxMessages.claimedUntil} is not null and ${outboxMessages.status} = 'pending'`);
    expect(claimed.claimedUntil?.getTime()).toBeGreaterThan(T0.getTime());
    // While the claim holds, nobody else sends that row.
    await deliver(new Date(T0.getTime() + 60_000));
    const duringLease = smtp.received.slice(before).filter((m) => m.messageId === messageIdOf(claimed.id, domain));
    expect(duringLease).toHaveLength(1);
    // After the lease it is retried: at worst a duplicate the receiver recognises by its Message-ID.
    await deliver(hoursLater(1));
    const copies = smtp.received.slice(before).filter((m) => m.messageId === messageIdOf(claimed.id, domain));
    expect(copies).toHaveLength(2);
    const [row] = await h.db.select().from(outboxMessages).where(eq(outboxMessages.id, claimed.id));
    expect(row.status).toBe("sent");
  });

  it("gives up at once on a permanent refusal (550)", async () => {
    const org = await createOrganisation(h.db);
    const admin = await createMember(h.db, org.id, "admin");
    await inviteMember(h.db, admin.actor, { email: "reject-me@example.test", role: "member" }, T0);
    await deliver(T0);
    const [row] = await outboxOf("reject-me@example.test");
    expect(row.status).toBe("failed");
    expect(row.lastError).toMatch(/550/);
  });

  it("e-mails an invitation once, with the link, and blanks the body once sent", async () => {
    const org = await createOrganisation(h.db);
    const admin = await createMember(h.db, org.id, "admin");
    const invitation = await inviteMember(h.db, admin.actor, { email: "nowa@example.test", role: "admin" }, T0);
    await deliver(T0);
    const [mail] = smtp.to("nowa@example.test");
    expect(mail.subject).toBe(`Zaproszenie do Współdzielni: ${org.name}`);
    expect(mail.text).toContain(`http://localhost:3000/invitation/${invitation.token}`);
    expect(mail.text).toContain("jako administratora");
    const [row] = await outboxOf("nowa@example.test");
    expect(row).toMatchObject({ status: "sent", sensitive: true, textBody: "", htmlBody: "" });
  });

  it("renders plain text and HTML with every value escaped", () => {
    const mail = renderMail(
      "booking_declined",
      {
        resource: "<script>alert(1)</script>",
        organisation: "A & B",
        start: "2027-03-28T06:00:00Z",
        end: "2027-03-28T08:00:00Z",
        reason: "Remont",
        link: "/bookings/x",
      },
      "pl",
    );
    expect(mail.text).toContain("Powód: Remont");
    expect(mail.text).toContain("28 marca 2027, 08:00–10:00");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;");
    expect(mail.html).toContain("A &amp; B");
    const en = renderMail(
      "booking_declined",
      {
        resource: "Hall",
        organisation: "X",
        start: "2027-03-28T06:00:00Z",
        end: "2027-03-28T08:00:00Z",
        reason: null,
        link: "/b",
      },
      "en",
    );
    expect(en.subject).toBe("Declined: Hall");
    expect(en.text).not.toContain("Reason");
  });

  it("shows the outbox to the coordinator only, while no SMTP server is configured", async () => {
    const leader = await createOrganisation(h.db);
    const coordinator = await createMember(h.db, leader.id, "admin", { coordinator: true });
    coordinator.actor.coordinator = true;
    const list = await listOutbox(h.db, coordinator.actor);
    expect(list.length).toBeGreaterThan(0);
    const plain = await createMember(h.db, leader.id, "admin");
    await expect(listOutbox(h.db, plain.actor)).rejects.toMatchObject({ code: "forbidden" });
    await expect(listOutbox(h.db, null)).rejects.toMatchObject({ code: "unauthenticated" });
    process.env.SMTP_URL = smtp.url;
    try {
      await expect(listOutbox(h.db, coordinator.actor)).rejects.toMatchObject({ code: "not_found" });
    } finally {
      delete process.env.SMTP_URL;
    }
  });
});
