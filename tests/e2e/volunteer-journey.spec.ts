import { readFile } from "node:fs/promises";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { expectAccessible, signIn } from "./helpers";

/**
 * Issue 4's journey, as new users would do it: the veterans' association lists a self-defence course with two of its
 * volunteers; the violence-prevention association posts a need for a workshop with children; the Red Cross answers
 * with a volunteer who has a valid first-aid certificate and a completed check (the one without them cannot be
 * chosen); the answer is accepted; after the date the hours are recorded and confirmed; the certificate shows them.
 * The need is for work done yesterday (a need may start up to 7 days back, for help arranged by phone), so "after the
 * date" needs no clock tricks. Names are unique per run.
 */
const ZONE = "Europe/Warsaw";
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
const warsawDate = (offsetDays: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

async function pdfText(body: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(body), useSystemFonts: false }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    for (const item of content.items) if ("str" in item) parts.push(item.str);
  }
  return parts.join(" ").replace(/\s+/g, " ");
}

test("a self-defence course, a need for a workshop with children, an answer, confirmed hours and the certificate", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const run = unique();
  const course = `Kurs samoobrony dla młodzieży ${run}`;
  const need = `Warsztaty z dziećmi ${run}`;
  const day = warsawDate(-1);

  // 1. Commando lists a self-defence course and puts two of its volunteers on its team.
  const commando = await as(browser, "commando@partnerstwo.test");
  await commando.goto("/resources/new");
  await expect(commando.getByRole("heading", { level: 1, name: "Dodaj zasób" })).toBeVisible();
  await commando.getByRole("radio", { name: /^Wiedza i kompetencje/ }).check();
  await commando.getByLabel("Nazwa", { exact: true }).fill(course);
  await commando.getByLabel("Opis", { exact: true }).fill("Podstawy samoobrony, 2 godziny, prowadzą byli żołnierze.");
  await commando.getByRole("radio", { name: /^Wymaga zatwierdzenia/ }).check();
  await commando.getByRole("button", { name: "Dodaj zasób" }).click();
  await expect(commando.getByRole("heading", { level: 1, name: course })).toBeVisible();
  const team = commando.getByTestId("offer-team");
  await team.getByLabel("Umiejętność 1", { exact: true }).fill("Samoobrona");
  await team.getByRole("button", { name: "Zapisz umiejętności" }).click();
  await expect(commando.getByText("Zapisano umiejętności oferty.")).toBeVisible();
  await team.getByRole("checkbox", { name: /Tomasz Nowak/ }).check();
  await team.getByRole("checkbox", { name: /Piotr Mazur/ }).check();
  await team.getByRole("button", { name: "Zapisz zespół" }).click();
  await expect(commando.getByText("Zapisano zespół oferty.")).toBeVisible();
  await expect(commando.getByTestId("offer-team-members")).toContainText("Tomasz");
  await expect(commando.getByTestId("offer-team-members")).toContainText("Piotr");
  await expectAccessible(commando);

  // 2. Razem posts a need for a workshop with children: first aid with a valid certificate, the children check.
  const razem = await as(browser, "razem@partnerstwo.test");
  await razem.goto(commando.url());
  await expect(razem.getByTestId("offer-team-members")).toContainText("Tomasz");
  await expect(razem.getByTestId("offer-team")).not.toContainText("Nowak");
  await razem.goto("/needs/new");
  await razem.getByLabel("Czego potrzebujecie? (tytuł) *").fill(need);
  await razem.getByLabel("Opis").fill("Zajęcia o pierwszej pomocy dla dzieci ze świetlicy.");
  await razem.getByLabel("Miejsce").fill("Świetlica „Razem”, Bolesławiec");
  await razem.getByLabel("Dzień").fill(day);
  await razem.getByLabel("Od godziny").fill("14:00");
  await razem.getByLabel("Do godziny").fill("16:30");
  await razem.getByLabel("Potrzebne umiejętności *").fill("Pierwsza pomoc");
  await razem.getByLabel("Umiejętności wymagające ważnego zaświadczenia").fill("Pierwsza pomoc");
  await razem.getByLabel(/Praca z dziećmi – wymagane sprawdzenie/).check();
  await razem.getByRole("button", { name: "Opublikuj potrzebę" }).click();
  await razem.waitForURL(/\/needs\/[0-9a-f-]{36}\?done=posted/);
  const needPath = new URL(razem.url()).pathname;
  await expectAccessible(razem);

  // 3. The Red Cross answers with Anna (valid first-aid certificate, check done); Marek (certificate expired, no
  //    check) cannot be chosen, and the form says why.
  const pck = await as(browser, "pck@partnerstwo.test");
  await pck.goto(needPath);
  const form = pck.getByTestId("answer-form");
  await expect(form.getByRole("checkbox", { name: /Marek/ })).toBeDisabled();
  await expect(form).toContainText("brak odnotowanego sprawdzenia do pracy z dziećmi");
  await form.getByRole("checkbox", { name: /Anna Kowalczyk/ }).check();
  await form.getByRole("button", { name: "Odpowiedz, wskazując te osoby" }).click();
  await pck.waitForURL(`**${needPath}?done=answered`);
  await expectAccessible(pck);

  // 4. Razem accepts; Anna's contact is now visible to Razem for the time of the engagement.
  await razem.goto(needPath);
  const answers = razem.getByTestId("answers");
  await expect(answers).toContainText("Anna");
  await expect(answers).not.toContainText("555 010 101");
  await answers.getByRole("button", { name: /Przyjmij odpowiedź/ }).click();
  await razem.waitForURL(`**${needPath}?done=accepted`);
  await expect(razem.getByTestId("need-status")).toContainText("obsadzona");

  // 5. After the date: PCK records 2,5 hours, Razem confirms them.
  await pck.goto(needPath);
  const record = pck.locator('[data-testid^="record-hours-"]');
  await record.getByLabel(/Przepracowane godziny/).fill("2,5");
  await record.getByRole("button", { name: "Wpisz godziny" }).click();
  await pck.waitForURL(`**${needPath}?done=hours_recorded`);
  await razem.goto("/engagements?side=received");
  const row = razem.getByTestId("engagement-list").locator("li", { hasText: need });
  await row.getByRole("button", { name: /Potwierdź godziny/ }).click();
  await razem.waitForURL("**/engagements?done=hours_confirmed");
  await razem.goto("/engagements?side=received");
  await expect(razem.getByTestId("engagement-list").locator("li", { hasText: need })).toContainText(
    "2,5 godz. – potwierdzone",
  );

  // 6. PCK prints Anna's certificate for that day: the confirmed engagement and its hours are on it.
  await pck.goto("/volunteers");
  await pck.getByRole("link", { name: "Anna Kowalczyk" }).click();
  await expect(pck.getByRole("heading", { level: 1, name: "Anna Kowalczyk" })).toBeVisible();
  await pck.getByLabel("Od dnia").fill(day);
  await pck.getByLabel("Do dnia").fill(day);
  const [download] = await Promise.all([
    pck.waitForEvent("download"),
    pck.getByRole("button", { name: "Pobierz zaświadczenie (PDF)" }).click(),
  ]);
  const text = await pdfText(await readFile((await download.path()) as string));
  expect(text).toContain("Anna Kowalczyk");
  expect(text).toContain(run);
  expect(text).toContain("2,5");
  expect(text).toContain("Stowarzyszenie Przeciw Przemocy");
  await expectAccessible(pck);

  // 7. The in-kind report for that day counts the confirmed hours as PCK's volunteer work through the needs board.
  await pck.goto(`/reports/in-kind?from=${day}&to=${day}`);
  await expect(pck.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(pck.getByText("Pomoc z tablicy potrzeb").first()).toBeVisible();
  await expectAccessible(pck);
});
