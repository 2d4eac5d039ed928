import { readFile } from "node:fs/promises";
import { type Download, expect, type Page, test } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

/**
 * The Red Cross keeps its volunteers: adds one with a skill, contact (after the consent) and a qualification, finds
 * them on the list, downloads their data and a certificate, and erases them. Names are unique per run, so the file can
 * run again against the same database.
 */

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

async function downloadFrom(page: Page, click: () => Promise<void>): Promise<{ file: Download; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  return { file, body: await readFile((await file.path()) as string) };
}

/** axe once the page is whole (its title streamed with the metadata). */
async function accessible(page: Page, title: string) {
  await expect(page).toHaveTitle(`${title} · Współdzielnia`);
  await expectAccessible(page);
}

test.describe("an organisation's volunteers", () => {
  test("PCK adds a volunteer with a skill and a qualification, exports the data, and erases it", async ({ page }) => {
    const suffix = unique();
    const lastName = `Żak-${suffix}`;
    const phone = "+48 555 020 123";
    await signIn(page, "pck@partnerstwo.test");
    await page.getByRole("link", { name: "Wolontariusze", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Wolontariusze" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Anna Kowalczyk" })).toBeVisible();
    await accessible(page, "Wolontariusze");

    await page.getByRole("link", { name: "Dodaj wolontariusza" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Nowy wolontariusz" })).toBeVisible();
    await accessible(page, "Nowy wolontariusz");
    await page.getByLabel("Imię", { exact: true }).fill("Helena");
    await page.getByLabel("Nazwisko").fill(lastName);
    await page.getByLabel("Telefon").fill(phone);
    await page.getByLabel("Umiejętności").fill("Fotografia, Obsługa wydarzeń");
    await page.getByRole("button", { name: "Dodaj wolontariusza" }).click();
    // A phone needs a recorded consent: the form says which field, and keeps what was typed.
    await expect(page.getByRole("link", { name: /Data zgody: Aby zapisać e-mail lub telefon/ })).toBeVisible();
    await expect(page.getByLabel("Nazwisko")).toHaveValue(lastName);
    await expectAccessible(page);
    await page.getByLabel("Data zgody").fill("2025-10-01");
    await page.getByLabel("Zakres zgody").fill("Kontakt w sprawie zaangażowań w partnerstwie");
    await page.getByRole("button", { name: "Dodaj wolontariusza" }).click();

    await expect(page.getByRole("heading", { level: 1, name: `Helena ${lastName}` })).toBeVisible();
    await expect(page.getByText("Dodano wolontariusza.")).toBeVisible();
    await expect(page.getByText(phone)).toBeVisible();
    await expect(page.getByTestId("volunteer-skills")).toContainText("Fotografia");

    // A qualification that has already expired is marked with a word, not colour alone.
    await page.getByLabel("Umiejętność, którą poświadcza").fill("Pierwsza pomoc");
    await page.getByLabel("Nazwa dokumentu").fill("Kurs pierwszej pomocy");
    await page.getByLabel("Ważna do").fill("2024-05-31");
    await page.getByRole("button", { name: "Dodaj kwalifikację" }).click();
    await expect(page.getByText("Dodano kwalifikację.")).toBeVisible();
    const qualifications = page.getByTestId("qualifications");
    await expect(qualifications).toContainText("Kurs pierwszej pomocy");
    await expect(qualifications).toContainText("Wygasła");
    await expect(page.getByTestId("volunteer-skills")).toContainText("Pierwsza pomoc");
    await accessible(page, `Helena ${lastName}`);

    // Found on the list by a name typed without Polish letters.
    const detail = page.url();
    await page.goto(`/volunteers?q=zak-${suffix}`);
    await expect(page.getByTestId("volunteer-row")).toHaveCount(1);
    await expect(page.getByTestId("volunteer-row")).toContainText("Fotografia");
    await page.getByRole("link", { name: `Helena ${lastName}` }).click();
    await expect(page).toHaveURL(new URL(detail).pathname);

    // The organisation's data on the person, as JSON.
    const exported = await downloadFrom(page, () => page.getByRole("link", { name: "Pobierz dane (JSON)" }).click());
    expect(exported.file.suggestedFilename()).toMatch(/^wolontariusz-[0-9a-f]{8}\.json$/);
    const data = JSON.parse(exported.body.toString("utf8"));
    expect(data.volunteer).toMatchObject({ firstName: "Helena", lastName, phone });
    expect(data.qualifications).toEqual([
      { skill: "Pierwsza pomoc", name: "Kurs pierwszej pomocy", validUntil: "2024-05-31" },
    ]);

    // The certificate over this year: no confirmed hours yet, still a PDF.
    const certificate = await downloadFrom(page, () =>
      page.getByRole("button", { name: "Pobierz zaświadczenie (PDF)" }).click(),
    );
    expect(certificate.body.subarray(0, 5).toString()).toBe("%PDF-");

    // Erasure asks once, then leaves an anonymous placeholder.
    await page.getByRole("button", { name: "Usuń dane osobowe" }).click();
    await expect(page.getByRole("group", { name: /Usunąć na zawsze dane osobowe/ })).toBeFocused();
    await page.getByRole("button", { name: "Tak, usuń dane" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Wolontariusz (dane usunięte)" })).toBeVisible();
    await expect(page.getByText("Dane osobowe zostały usunięte.")).toBeVisible();
    await expect(page.getByText(phone)).toHaveCount(0);
    await expect(page.getByText(lastName)).toHaveCount(0);
    await accessible(page, "Wolontariusz (dane usunięte)");

    await page.goto(`/volunteers?q=${encodeURIComponent(lastName)}`);
    await expect(page.getByText("Nikt nie pasuje do wyszukiwania.")).toBeVisible();
  });

  test("an expertise offer shows its skills and team; partners see first names only", async ({ browser }) => {
    const owner = await (await browser.newContext()).newPage();
    await signIn(owner, "commando@partnerstwo.test");
    await owner.goto("/resources?q=samoobrony");
    await owner.getByRole("link", { name: "Zajęcia z samoobrony" }).first().click();
    const team = owner.getByTestId("offer-team");
    await expect(team.getByRole("heading", { name: "Zespół i umiejętności" })).toBeVisible();
    await expect(owner.getByTestId("offer-team-members")).toContainText("Tomasz");
    await expect(owner.getByTestId("offer-team-members")).toContainText("Piotr");
    await expect(team.getByRole("button", { name: "Zapisz zespół" })).toBeVisible();
    await accessible(owner, "Zajęcia z samoobrony");
    const offerUrl = owner.url();

    const partner = await (await browser.newContext()).newPage();
    await signIn(partner, "razem@partnerstwo.test");
    await partner.goto(offerUrl);
    const seen = partner.getByTestId("offer-team-members");
    await expect(seen).toContainText("Tomasz");
    await expect(seen).toContainText("Samoobrona");
    await expect(partner.getByTestId("offer-team")).not.toContainText("Nowak");
    await expect(partner.getByRole("button", { name: "Zapisz zespół" })).toHaveCount(0);
    await accessible(partner, "Zajęcia z samoobrony");

    // Volunteers are their own organisation's business: another partner's volunteer page does not exist for them.
    await owner.goto("/volunteers");
    await owner.getByRole("link", { name: "Tomasz Nowak" }).click();
    await owner.waitForURL(/\/volunteers\/[0-9a-f-]{36}$/);
    const volunteerUrl = new URL(owner.url()).pathname;
    await partner.goto(volunteerUrl);
    await expect(partner.getByRole("heading", { name: "Nie znaleziono strony" })).toBeVisible();
    await expect(partner.getByText("Nowak")).toHaveCount(0);
    const exported = await partner.request.get(`${volunteerUrl}/export`);
    expect(exported.status()).toBe(404);
  });
});
