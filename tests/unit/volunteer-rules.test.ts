import { describe, expect, it } from "vitest";
import { offerSkillsForm, offerTeamForm } from "@/app/(app)/resources/[id]/_lib/team-inputs";
import { AppError } from "@/lib/errors";
import { certificateInputSchema } from "@/lib/volunteers/certificate";
import { formatDay, formatHours, placeOf } from "@/lib/volunteers/certificate-pdf";
import { qualificationState, sumHours } from "@/lib/volunteers/qualification-state";
import { checkVolunteerFields, volunteerFieldsSchema } from "@/lib/volunteers/volunteer-schema";

const ID = "7d0d7c36-6f4b-4a49-9a52-2b1c8d3e4f50";

describe("qualification state on a local day", () => {
  it("is valid through its last day, expiring in the last 30 days, expired the day after; no date never expires", () => {
    expect(qualificationState("2028-12-31", "2026-11-26")).toBe("valid");
    expect(qualificationState("2026-12-26", "2026-11-26")).toBe("expiring");
    expect(qualificationState("2026-12-27", "2026-11-26")).toBe("valid");
    expect(qualificationState("2026-11-26", "2026-11-26")).toBe("expiring");
    expect(qualificationState("2026-11-25", "2026-11-26")).toBe("expired");
    expect(qualificationState(null, "2026-11-26")).toBe("no_expiry");
  });

  it("adds quarter hours exactly", () => {
    expect(sumHours([0.25, 0.25, 0.25, 2.75, null])).toBe(3.5);
    expect(sumHours([0.1, 0.2])).toBe(0.3);
    expect(sumHours([])).toBe(0);
  });
});

describe("a volunteer's fields", () => {
  const base = { firstName: " Anna ", skills: "pierwsza pomoc, Fotografia,  Pierwsza Pomoc" };

  it("trims, lower-cases the e-mail, de-duplicates skills and reads empty fields as absent", () => {
    const v = volunteerFieldsSchema.parse({
      ...base,
      email: " Anna@Example.TEST ",
      phone: "+48 (75) 555-01-01",
      childrenCheckOn: "",
      consentOn: "2025-09-01",
    });
    expect(v).toMatchObject({
      firstName: "Anna",
      lastName: "",
      email: "anna@example.test",
      phone: "+48 (75) 555-01-01",
      childrenCheckOn: null,
      consentOn: "2025-09-01",
      skills: ["pierwsza pomoc", "Fotografia"],
    });
  });

  it("names the wrong field", () => {
    const reason = (input: Record<string, unknown>) => {
      const r = volunteerFieldsSchema.safeParse({ ...base, ...input });
      return r.success ? "ok" : `${String(r.error.issues[0].path[0])}:${r.error.issues[0].message}`;
    };
    expect(reason({ firstName: "" })).toBe("firstName:required");
    expect(reason({ phone: "12345" })).toBe("phone:volunteer_phone");
    expect(reason({ phone: "+48 600 100 200 300 400" })).toBe("phone:volunteer_phone");
    expect(reason({ phone: "tel. 600" })).toBe("phone:volunteer_phone");
    expect(reason({ email: "anna@" })).toBe("email:email");
    expect(reason({ consentOn: "2025-02-29" })).toBe("consentOn:volunteer_date");
    expect(reason({ childrenCheckOn: "15.09.2025" })).toBe("childrenCheckOn:volunteer_date");
    expect(reason({ skills: "a" })).toBe("skills:too_short");
  });

  it("keeps contact details only with a consent, and takes no date from the future", () => {
    const check = (input: Record<string, unknown>) => {
      try {
        checkVolunteerFields(volunteerFieldsSchema.parse({ ...base, ...input }), "2026-11-26");
        return "ok";
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return `${String(error.details.field)}:${String(error.details.reason)}`;
      }
    };
    expect(check({})).toBe("ok");
    expect(check({ phone: "600 100 200" })).toBe("consentOn:volunteer_consent_required");
    expect(check({ phone: "600 100 200", consentOn: "2026-11-26" })).toBe("consentScope:volunteer_consent_required");
    expect(check({ email: "a@b.pl", consentOn: "2026-11-26", consentScope: "kontakt" })).toBe("ok");
    expect(check({ childrenCheckOn: "2026-11-27" })).toBe("childrenCheckOn:volunteer_date_future");
    expect(check({ consentOn: "2026-12-01" })).toBe("consentOn:volunteer_date_future");
  });
});

describe("the certificate", () => {
  it("needs a period whose end is not before its start", () => {
    const ok = certificateInputSchema.safeParse({ volunteerId: ID, from: "2026-01-01", to: "2026-01-01" });
    expect(ok.success).toBe(true);
    const reversed = certificateInputSchema.safeParse({ volunteerId: ID, from: "2026-02-01", to: "2026-01-01" });
    expect(reversed.error?.issues[0]).toMatchObject({ path: ["to"], message: "end_before_start" });
    const missing = certificateInputSchema.safeParse({ volunteerId: ID, from: "", to: "2026-01-01" });
    expect(missing.error?.issues[0]).toMatchObject({ path: ["from"], message: "required" });
  });

  it("writes hours and days as people read them, and finds the town in an address", () => {
    expect(formatHours(2.5, "pl")).toBe("2,5");
    expect(formatHours(2.25, "en")).toBe("2.25");
    expect(formatHours(12, "pl")).toBe("12");
    expect(formatDay("2026-03-05", "pl")).toBe("05.03.2026");
    expect(formatDay("2026-03-05", "en")).toBe("05/03/2026");
    expect(placeOf("ul. Partnerska 1, 59-700 Bolesławiec")).toBe("Bolesławiec");
    expect(placeOf("Bolesławiec")).toBeNull();
    expect(placeOf(null)).toBeNull();
  });
});

describe("the offer's team forms", () => {
  it("reads skill rows in order, dropping empty ones, with the certificate ticks", () => {
    const parsed = offerSkillsForm.parse({
      resourceId: ID,
      skill_0: "Pierwsza pomoc",
      cert_0: "on",
      skill_1: "",
      cert_1: "on",
      skill_10: "Samoobrona",
      skill_2: "Fotografia",
    });
    expect(parsed).toEqual({
      resourceId: ID,
      skills: [
        { name: "Pierwsza pomoc", certificateRequired: true },
        { name: "Fotografia", certificateRequired: false },
        { name: "Samoobrona", certificateRequired: false },
      ],
    });
    const bad = offerSkillsForm.safeParse({ resourceId: ID, skill_0: "x" });
    expect(bad.error?.issues[0]).toMatchObject({ path: ["skill_0"], message: "too_short" });
  });

  it("reads the ticked volunteers; a tampered box is bad input", () => {
    expect(offerTeamForm.parse({ resourceId: ID, [`volunteer_${ID}`]: "on", volunteer_x: "off" })).toEqual({
      resourceId: ID,
      volunteerIds: [ID],
    });
    expect(offerTeamForm.safeParse({ resourceId: ID, "volunteer_not-an-id": "on" }).success).toBe(false);
  });
});
