import { expect, type Page, test } from "@playwright/test";
import { DEMO_PASSWORD, expectAccessible, signIn, signOut, uniqueEmail } from "./helpers";

const COORDINATOR = "koordynator@partnerstwo.test";

/** The link of the newest e-mail to `to` whose subject starts with `subject`, read from the trial outbox page. */
async function linkFromOutbox(page: Page, to: string, subject: string): Promise<string> {
  await page.goto("/dev/outbox");
  const message = page.getByTestId("outbox-message").filter({ hasText: to }).filter({ hasText: subject }).first();
  await expect(message).toBeVisible();
  const href = await message.getByRole("link").first().getAttribute("href");
  expect(href).toBeTruthy();
  const url = new URL(href as string);
  return `${url.pathname}${url.search}`;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

test("a new association applies, the coordinator accepts, its admin joins from the e-mail and lists a resource", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  const organisation = `Stowarzyszenie Sąsiedzi z Kruszyna ${stamp}`;
  const email = uniqueEmail("sasiedzi");
  const password = "sasiedzi-nad-Bobrem-2027";

  // 1. The association finds the partnership's public page and applies.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto("/login");
  await visitor.getByRole("link", { name: "Dołącz do partnerstwa" }).click();
  await expect(visitor.getByRole("heading", { level: 1, name: "Partnerstwo „Aktywni z pasją”" })).toBeVisible();
  await expect(visitor.getByText("Miejski Ośrodek Pomocy Społecznej w Bolesławcu")).toBeVisible();
  await expectAccessible(visitor);
  await visitor.getByLabel("Nazwa organizacji").fill(organisation);
  await visitor.getByLabel("Rodzaj").selectOption({ label: "Stowarzyszenie" });
  await visitor.getByLabel("Osoba kontaktowa (imię i nazwisko)").fill("Halina Sąsiedzka");
  await visitor.getByLabel("Adres e-mail osoby kontaktowej").fill(email);
  await visitor
    .getByLabel("Czym zajmuje się organizacja")
    .fill("Integrujemy mieszkańców osiedla Kruszyn: pikniki, kino plenerowe.");
  await visitor.getByLabel("Co możecie udostępnić partnerom").fill("Ekran i projektor do kina plenerowego, 10 ławek.");
  await visitor.getByRole("button", { name: "Wyślij zgłoszenie" }).click();
  // Without accepting the aims it is refused, and what was typed stays.
  await expect(visitor.getByText("Zaznacz, że akceptujecie cele partnerstwa").first()).toBeVisible();
  await expect(visitor.getByLabel("Nazwa organizacji")).toHaveValue(organisation);
  await expectAccessible(visitor);
  await visitor.getByLabel("Akceptujemy cel partnerstwa i chcemy działać zgodnie z nim.").check();
  await visitor.getByRole("button", { name: "Wyślij zgłoszenie" }).click();
  await expect(visitor.getByText("Dziękujemy! Zgłoszenie zostało wysłane.")).toBeVisible();
  await shot(visitor, "partnerstwo-sent");
  await visitor.setViewportSize({ width: 390, height: 844 });
  await visitor.goto("/partnerstwo");
  await shot(visitor, "partnerstwo-phone");
  await visitorContext.close();

  // 2. The coordinator is told, reviews and accepts.
  const coordinatorContext = await browser.newContext();
  const coordinator = await coordinatorContext.newPage();
  await signIn(coordinator, COORDINATOR);
  await expect(coordinator.getByTestId("notification-bell")).toHaveAccessibleName(/nieprzeczytan/);
  await coordinator.getByTestId("notification-bell").click();
  await expect(coordinator.getByRole("heading", { level: 1, name: "Powiadomienia" })).toBeVisible();
  await expectAccessible(coordinator);
  await shot(coordinator, "notifications");
  const notice = coordinator.getByTestId("notification").filter({ hasText: organisation });
  await notice.getByRole("button", { name: /^Otwórz/ }).click();
  await coordinator.waitForURL("**/coordinator/applications");
  await expectAccessible(coordinator);
  await shot(coordinator, "applications");
  const application = coordinator.getByTestId("application").filter({ hasText: organisation });
  await expect(application).toContainText("Ekran i projektor");
  await application.getByRole("button", { name: `Przyjmij do partnerstwa: ${organisation}` }).click();
  await expect(coordinator.getByText(`Przyjęto: ${organisation}.`)).toBeVisible();

  // The invitation went out by e-mail; in a trial installation (no SMTP server) the coordinator reads it here.
  const invitationPath = await linkFromOutbox(coordinator, email, "Zaproszenie do Współdzielni");
  expect(invitationPath).toMatch(/^\/invitation\/[\w-]{40,}$/);
  await expectAccessible(coordinator);
  await shot(coordinator, "outbox");

  // 3. The invited admin sets a password from the link, signs in, and lists the first resource.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await admin.goto(invitationPath);
  await expect(admin.getByText(organisation)).toBeVisible();
  await expectAccessible(admin);
  await admin.getByLabel("Imię i nazwisko").fill("Halina Sąsiedzka");
  await admin.getByLabel("Ustal hasło").fill(password);
  await admin.getByRole("button", { name: "Dołącz do zespołu" }).click();
  await admin.waitForURL("**/dashboard");
  await expect(admin.getByTestId("signed-in-as")).toContainText(organisation);
  await signOut(admin);
  await signIn(admin, email, password);
  await expect(admin.getByTestId("signed-in-as")).toContainText("Halina Sąsiedzka");

  await admin.goto("/resources/new");
  await admin.getByRole("radio", { name: /^Sprzęt/ }).check();
  await admin.getByLabel("Nazwa", { exact: true }).fill("Projektor i ekran do kina plenerowego");
  await admin.getByLabel("Opis", { exact: true }).fill("Projektor Full HD i ekran 3 m, z kablami.");
  await admin.getByLabel("Ile sztuk", { exact: true }).fill("1");
  await admin.getByRole("radio", { name: /^Wymaga zatwierdzenia/ }).check();
  await admin.getByRole("button", { name: "Dodaj zasób" }).click();
  await admin.waitForURL(/\/resources\/[0-9a-f-]{36}\?done=created$/);
  await expect(admin.getByRole("heading", { level: 1, name: "Projektor i ekran do kina plenerowego" })).toBeVisible();

  // Its e-mail settings are its own.
  await admin.goto("/settings/notifications");
  await expectAccessible(admin);
  await admin.getByLabel("przypomnieniach", { exact: false }).uncheck();
  await admin.getByRole("button", { name: "Zapisz ustawienia" }).click();
  await expect(admin.getByText("Ustawienia e-maili zapisane.")).toBeVisible();
  await expect(admin.getByLabel("przypomnieniach", { exact: false })).not.toBeChecked();
  await admin.reload();
  await expect(admin.getByLabel("przypomnieniach", { exact: false })).not.toBeChecked();
  await expect(admin.getByLabel("prośbach o Wasze zasoby", { exact: false })).toBeChecked();
  await shot(admin, "email-settings");

  // Where it could leave the partnership.
  await admin.goto("/settings/partnership");
  await expect(admin.getByRole("button", { name: "Wystąp z partnerstwa" })).toBeVisible();
  await expectAccessible(admin);
  await shot(admin, "settings-partnership");

  // 4. The public page lists the new partner; the audit trail shows who admitted it.
  await coordinator.goto("/coordinator/partners");
  await expect(coordinator.getByTestId("partner-row").filter({ hasText: organisation })).toContainText("aktywny");
  await expectAccessible(coordinator);
  await shot(coordinator, "partners");
  await admin.goto("/partnerstwo");
  await expect(admin.getByText(organisation)).toBeVisible();
  await coordinator.goto("/coordinator/audit?action=partnership");
  await expect(coordinator.getByTestId("audit-entry").filter({ hasText: "partnership.accept" }).first()).toBeVisible();
  await expectAccessible(coordinator);
  await shot(coordinator, "audit");
  await coordinator.setViewportSize({ width: 390, height: 844 });
  await shot(coordinator, "audit-phone");

  // 5. Later the admin forgets the password and sets a new one from the e-mailed link.
  await admin.goto("/dashboard");
  await signOut(admin);
  await admin.getByRole("link", { name: "Nie pamiętam hasła" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Zmiana hasła" })).toBeVisible();
  // After a client-side navigation the title arrives with the streamed metadata.
  await expect(admin).toHaveTitle(/Zmiana hasła/);
  await expectAccessible(admin);
  await shot(admin, "password-reset");
  await admin.getByLabel("Adres e-mail").fill(email);
  await admin.getByRole("button", { name: "Wyślij link" }).click();
  await expect(admin.getByText("Jeśli konto z tym adresem istnieje")).toBeVisible();
  const resetPath = await linkFromOutbox(coordinator, email, "Zmiana hasła we Współdzielni");
  expect(resetPath).toMatch(/^\/password-reset\/[\w-]{40,}$/);
  await admin.goto(resetPath);
  await expectAccessible(admin);
  await admin.getByLabel("Nowe hasło").fill("nowe-haslo-dla-sasiadow");
  await admin.getByRole("button", { name: "Zapisz nowe hasło" }).click();
  await admin.waitForURL("**/dashboard");
  // The link worked once.
  await admin.goto(resetPath);
  await expect(admin.getByText("Ten link do zmiany hasła wygasł albo został już użyty.")).toBeVisible();

  // An unknown address gets the same answer.
  await admin.goto("/password-reset");
  await admin.getByLabel("Adres e-mail").fill(uniqueEmail("nikt"));
  await admin.getByRole("button", { name: "Wyślij link" }).click();
  await expect(admin.getByText("Jeśli konto z tym adresem istnieje")).toBeVisible();
  await adminContext.close();
  await coordinatorContext.close();
});

test("pages carry a nonce-based content security policy and refuse to be framed", async ({ page }) => {
  const response = await page.goto("/login");
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[\w+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  // The page still works under it: the scripts Next.js rendered run (the form submits through React).
  await signIn(page, COORDINATOR, DEMO_PASSWORD);
  const api = await page.request.get("/api/health");
  expect(api.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});
