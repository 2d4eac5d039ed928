import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

/**
 * The needs board as partners use it: Razem posts a need for help given yesterday (arranged by phone — a need may
 * start up to 7 days back, so its hours can be recorded now), PCK answers with one of its volunteers, Razem accepts,
 * PCK records the hours and Razem confirms them. Every run posts a need with a unique title.
 */

const ZONE = "Europe/Warsaw";
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
const warsawDate = (offsetDays: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );

async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test.describe("needs board", () => {
  test("Razem posts a need, PCK answers with a volunteer, Razem accepts; hours recorded and confirmed", async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const title = `Pogadanka o pierwszej pomocy ${unique()}`;

    const razem = await as(browser, "razem@partnerstwo.test");
    await razem.goto("/needs");
    await expectAccessible(razem);
    await razem.getByRole("link", { name: "Zgłoś potrzebę" }).click();
    await razem.waitForURL("**/needs/new");
    await razem.getByLabel("Czego potrzebujecie? (tytuł) *").fill(title);
    await razem.getByLabel("Opis").fill("Spotkanie z rodzicami dzieci ze świetlicy.");
    await razem.getByLabel("Miejsce").fill("Świetlica, Bolesławiec");
    await razem.getByLabel("Dzień").fill(warsawDate(-1));
    await razem.getByLabel("Od godziny").fill("10:00");
    await razem.getByLabel("Do godziny").fill("12:00");
    await razem.getByLabel("Potrzebne umiejętności *").fill("Pierwsza pomoc");
    await expectAccessible(razem);
    await razem.getByRole("button", { name: "Opublikuj potrzebę" }).click();
    await razem.waitForURL(/\/needs\/[0-9a-f-]{36}\?done=posted/);
    await expect(razem.getByText("Potrzeba opublikowana.")).toBeVisible();
    await expect(razem.getByText("Nikt jeszcze nie odpowiedział.")).toBeVisible();
    const needPath = new URL(razem.url()).pathname;
    await expectAccessible(razem);

    // PCK has volunteers with first aid: it was told, and answers with the first person who can go.
    const pck = await as(browser, "pck@partnerstwo.test");
    await pck.goto("/notifications");
    await expect(pck.getByText("szuka pomocy, w której mogą pomóc Wasi wolontariusze").first()).toBeVisible();
    await pck.goto("/needs");
    await pck.getByRole("link", { name: title }).click();
    await pck.waitForURL(`**${needPath}`);
    const form = pck.getByTestId("answer-form");
    await expect(form).toBeVisible();
    await expectAccessible(pck);
    // Nothing ticked: the form says what to do.
    await form.getByRole("button", { name: "Odpowiedz, wskazując te osoby" }).click();
    await expect(form.getByText("Wybierz co najmniej jedną osobę.")).toBeVisible();
    await form.locator('input[type="checkbox"]:not([disabled])').first().check();
    await form.getByLabel("Wiadomość do zgłaszającego (nieobowiązkowo)").fill("Poprowadzi nasza instruktorka.");
    await form.getByRole("button", { name: "Odpowiedz, wskazując te osoby" }).click();
    await pck.waitForURL(`**${needPath}?done=answered`);
    await expect(pck.getByTestId("own-answer")).toContainText("czeka na decyzję");

    // Razem accepts.
    await razem.goto(needPath);
    const answers = razem.getByTestId("answers");
    await expect(answers).toContainText("Polski Czerwony Krzyż");
    await expect(answers).toContainText("Dane kontaktowe zobaczycie po przyjęciu odpowiedzi.");
    await expectAccessible(razem);
    await answers.getByRole("button", { name: /Przyjmij odpowiedź/ }).click();
    await razem.waitForURL(`**${needPath}?done=accepted`);
    await expect(razem.getByTestId("need-status")).toContainText("obsadzona");

    // The work was yesterday: PCK records the hours at once.
    await pck.goto(needPath);
    const record = pck.locator('[data-testid^="record-hours-"]');
    await record.getByLabel(/Przepracowane godziny/).fill("1,5");
    await expectAccessible(pck);
    await record.getByRole("button", { name: "Wpisz godziny" }).click();
    await pck.waitForURL(`**${needPath}?done=hours_recorded`);
    await expect(pck.getByTestId("hours-status")).toContainText("czeka na potwierdzenie");

    // Razem sees it on the dashboard and confirms.
    await razem.goto("/dashboard");
    await expect(razem.getByTestId("hours-to-confirm")).not.toContainText("brak");
    await razem.getByTestId("hours-to-confirm").click();
    await razem.waitForURL("**/engagements?side=received&show=todo");
    await expectAccessible(razem);
    const row = razem.getByTestId("engagement-list").locator("li", { hasText: title });
    await row.getByRole("button", { name: /Potwierdź godziny/ }).click();
    await razem.waitForURL("**/engagements?done=hours_confirmed");
    await razem.goto("/engagements?side=received");
    await expect(razem.getByTestId("engagement-list").locator("li", { hasText: title })).toContainText(
      "1,5 godz. – potwierdzone",
    );

    await pck.goto("/engagements");
    await expect(pck.getByTestId("engagement-list").locator("li", { hasText: title })).toContainText("potwierdzone");
    await expectAccessible(pck);
  });
});
