import { type Browser, expect, type Locator, type Page, test } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

/**
 * Three journeys through the booking engine as new users take them: list a resource, find it dates first, ask for
 * it, decide, and see the booking in both agendas and in the iCal feeds. Every test makes its own resources with
 * unique names, so the file can run again and again against the same database.
 */

const ZONE = "Europe/Warsaw";
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Today's date in Polish time, `YYYY-MM-DD`. */
const warsawToday = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(),
  );
const parts = (date: string) => date.split("-").map(Number) as [number, number, number];
const addDays = (date: string, days: number) => {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};
/** ISO weekday, 1 = Monday … 7 = Sunday. */
const weekdayOf = (date: string) => {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
};
/** The first date on or after `from` that falls on `weekday`. */
const onOrAfter = (from: string, weekday: number) => {
  let date = from;
  while (weekdayOf(date) !== weekday) date = addDays(date, 1);
  return date;
};
/** The last Sunday of October on or after `from` (the night Poland goes back to winter time). */
const nextLastSundayOfOctober = (from: string) => {
  for (let year = parts(from)[0]; ; year++) {
    const sunday = addDays(`${year}-10-31`, -((weekdayOf(`${year}-10-31`) % 7) as number));
    if (sunday >= from) return sunday;
  }
};
/** `19 grudnia 2026`, as the app writes a day. */
const polishDay = (date: string) => {
  const [y, m, d] = parts(date);
  return new Intl.DateTimeFormat("pl-PL", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d, 12)),
  );
};

/** Minutes east of UTC in Warsaw at an instant: 60 in winter (CET), 120 in summer (CEST). */
function warsawOffset(instant: number): number {
  const name =
    new Intl.DateTimeFormat("en-US", { timeZone: ZONE, timeZoneName: "longOffset" })
      .formatToParts(new Date(instant))
      .find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** A Warsaw wall-clock time as iCalendar writes the instant in UTC: `2027-10-14`, `18:00` → `20271014T160000Z`. */
function icalUtc(date: string, clock: string): string {
  const [y, m, d] = parts(date);
  const [hh, mm] = clock.split(":").map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let instant = wall - warsawOffset(wall) * 60_000;
  instant = wall - warsawOffset(instant) * 60_000;
  return new Date(instant)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** axe on a page once it is whole: first its title (streamed with the metadata) must name the page. */
async function accessible(page: Page, title: string) {
  await expect(page).toHaveTitle(`${title} · Współdzielnia`);
  await expectAccessible(page);
}

/** A signed-in page of its own for one organisation's admin. */
async function as(browser: Browser, slug: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, `${slug}@partnerstwo.test`);
  return page;
}

/** /resources/new: kind, name, the kind's numbers, booking mode; `hours` fills the weekly hours. */
async function listResource(
  page: Page,
  resource: {
    kind: "Lokal" | "Sprzęt";
    name: string;
    capacity?: number;
    units?: number;
    mode: "Wymaga zatwierdzenia" | "Rezerwacja od razu";
    hours: (form: Page) => Promise<void>;
  },
): Promise<string> {
  await page.goto("/resources/new");
  await expect(page.getByRole("heading", { level: 1, name: "Dodaj zasób" })).toBeVisible();
  await page.getByRole("radio", { name: new RegExp(`^${resource.kind}`) }).check();
  await accessible(page, "Dodaj zasób");
  await page.getByLabel("Nazwa", { exact: true }).fill(resource.name);
  await page.getByLabel("Opis", { exact: true }).fill(`Zasób testowy ${resource.name}.`);
  if (resource.capacity) await page.getByLabel("Ile osób się zmieści").fill(String(resource.capacity));
  if (resource.units) await page.getByLabel("Ile sztuk", { exact: true }).fill(String(resource.units));
  await page.getByRole("radio", { name: new RegExp(`^${resource.mode}`) }).check();
  await resource.hours(page);
  await page.getByRole("button", { name: "Dodaj zasób" }).click();
  await page.waitForURL(/\/resources\/[0-9a-f-]{36}\?done=created$/);
  await expect(page.getByRole("status").filter({ hasText: "Zasób dodany." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: resource.name })).toBeVisible();
  return new URL(page.url()).pathname.split("/").pop() as string;
}

/** One interval of the opening-hours editor, by the day's name (`Sobota`) and its number. */
async function setHours(page: Page, day: string, from: string, to: string, number = 1) {
  await page.getByRole("textbox", { name: `${day}, przedział ${number} Od`, exact: true }).fill(from);
  await page.getByRole("textbox", { name: `${day}, przedział ${number} Do`, exact: true }).fill(to);
}
async function addHours(page: Page, day: string, from: string, to: string) {
  await page.getByRole("button", { name: `Dodaj przedział godzin: ${day}` }).click();
  await setHours(page, day, from, to);
}
/** Monday's hours, copied to Tuesday–Friday with the editor's own button. */
async function weekdayHours(page: Page, from: string, to: string) {
  await setHours(page, "Poniedziałek", from, to);
  await page.getByRole("button", { name: "Skopiuj godziny z poniedziałku na wtorek–piątek" }).click();
  await expect(page.getByRole("textbox", { name: "Piątek, przedział 1 Do", exact: true })).toHaveValue(to);
}

/** The catalogue's dates-first search; returns the results region. */
async function searchCatalogue(
  page: Page,
  query: { date: string; from: string; to: string; people?: number; units?: number; text?: string },
) {
  await page.goto("/resources");
  const search = page.getByRole("search", { name: "Szukaj" });
  await search.getByLabel("Dzień", { exact: true }).fill(query.date);
  await search.getByLabel("Od godziny").fill(query.from);
  await search.getByLabel("Do godziny").fill(query.to);
  if (query.people) await search.getByLabel("Ile osób").fill(String(query.people));
  if (query.units) await search.getByLabel("Ile sztuk").fill(String(query.units));
  if (query.text) await search.getByLabel("Szukaj w nazwie i opisie").fill(query.text);
  await search.getByRole("button", { name: "Szukaj", exact: true }).click();
  await page.waitForURL(/\/resources\?date=/);
  const results = page.getByRole("region", {
    name: `Wolne ${weekdayPhrase(query.date)}, ${polishDay(query.date)}, ${query.from}–${query.to} (czas polski)`,
  });
  await expect(results).toBeVisible();
  await expect(results.getByTestId("results-count")).toBeVisible();
  return results;
}
const weekdayPhrase = (date: string) =>
  ["w poniedziałek", "we wtorek", "w środę", "w czwartek", "w piątek", "w sobotę", "w niedzielę"][weekdayOf(date) - 1];

/** Makes the organisation's secret iCal link on /bookings and returns the events it serves. */
async function feedEvents(page: Page): Promise<Record<string, string>[]> {
  const feeds = page.getByRole("region", { name: "Kalendarz (iCal)" });
  await feeds.getByRole("button", { name: /^(Utwórz link do kalendarza|Utwórz nowy link)$/ }).click();
  const field = feeds.getByLabel("Tajny link do kalendarza (iCal)");
  await expect(field).toHaveValue(/\/api\/calendar\/[\w-]+\.ics$/);
  const response = await page.request.get(await field.inputValue());
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/calendar");
  // Unfold the 75-octet lines (RFC 5545 §3.1) before reading properties.
  const text = (await response.text()).replace(/\r\n[ \t]/g, "");
  return text
    .split("BEGIN:VEVENT")
    .slice(1)
    .map((block) => {
      const props: Record<string, string> = {};
      for (const line of block.split("\r\n")) {
        const colon = line.indexOf(":");
        if (colon > 0) props[line.slice(0, colon)] = line.slice(colon + 1).replace(/\\([,;\\])/g, "$1");
      }
      return props;
    });
}

/** The agenda's entries for one resource. */
const agendaRows = (scope: Page | Locator, resourceName: string) =>
  scope.getByTestId("agenda-row").filter({ hasText: resourceName });

test.describe("booking journeys", () => {
  test("a hall: listed by TOP, found dates first and requested by Razem, approved, in both agendas and feeds", async ({
    browser,
  }) => {
    const hall = `Sala sportowa TOP ${unique()}`;
    const saturday = onOrAfter(addDays(warsawToday(), 28), 6);

    // TOP lists the hall: 40 people, every request approved, open on working days and Saturday 08:00–16:00.
    const top = await as(browser, "top");
    await listResource(top, {
      kind: "Lokal",
      name: hall,
      capacity: 40,
      mode: "Wymaga zatwierdzenia",
      hours: async (page) => {
        await weekdayHours(page, "08:00", "20:00");
        await addHours(page, "Sobota", "08:00", "16:00");
      },
    });
    await expect(top.getByText("do 40 osób")).toBeVisible();
    await accessible(top, hall);

    // Razem looks for a Saturday 10:00–14:00 for 30 people and finds the new hall.
    const razem = await as(browser, "razem");
    await razem.goto("/resources");
    await accessible(razem, "Zasoby");
    const results = await searchCatalogue(razem, { date: saturday, from: "10:00", to: "14:00", people: 30 });
    const card = results.getByRole("listitem").filter({ has: razem.getByRole("link", { name: hall }) });
    await expect(card).toContainText("Wymaga zatwierdzenia");
    await expect(card).toContainText("do 40 osób");
    await accessible(razem, "Zasoby");
    await card.getByRole("link", { name: hall }).click();

    // The request form is filled with the searched window; Razem adds the purpose and sends it.
    await expect(razem.getByRole("heading", { level: 1, name: hall })).toBeVisible();
    const request = razem.getByRole("form", { name: "Poproś o termin" });
    await expect(request.getByLabel("Dzień")).toHaveValue(saturday);
    await expect(request.getByLabel("Od godziny")).toHaveValue("10:00");
    await expect(request.getByLabel("Do godziny")).toHaveValue("14:00");
    await accessible(razem, hall);
    await request.getByLabel("Cel / inicjatywa").fill("Warsztaty dla rodziców");
    await request.getByLabel("Ile osób weźmie udział (nieobowiązkowo)").fill("30");
    await request.getByRole("button", { name: "Wyślij prośbę" }).click();
    const sent = request.getByRole("status").filter({ hasText: "Prośba wysłana – czeka na decyzję właściciela." });
    await expect(sent).toContainText("Oczekuje na decyzję");
    await expect(sent).toContainText(`${polishDay(saturday)}, 10:00–14:00`);

    // TOP approves it from the dashboard and opens the booking.
    await top.goto("/dashboard");
    await accessible(top, "Pulpit");
    await top.getByRole("button", { name: new RegExp(`^Zatwierdź prośbę: ${escapeRegExp(hall)}, `) }).click();
    await top.waitForURL(/\/dashboard\?done=approved/);
    await expect(top.getByRole("status").filter({ hasText: `Zatwierdzono prośbę: ${hall}` })).toBeVisible();
    await top.getByRole("link", { name: "Zobacz szczegóły rezerwacji" }).click();
    await expect(top.getByRole("heading", { level: 1, name: `Rezerwacja: ${hall}` })).toBeVisible();
    await expect(top.getByTestId("booking-status")).toContainText("Zatwierdzona");
    await expect(top.getByText("Rezerwacja jest zatwierdzona – termin jest zarezerwowany.")).toBeVisible();
    await accessible(top, `Rezerwacja: ${hall}`);

    // Both agendas show it approved; both feeds have it at Saturday 10:00 Polish time, in UTC.
    const dtstart = icalUtc(saturday, "10:00");
    const dtend = icalUtc(saturday, "14:00");
    // 10:00 in Warsaw is 09:00Z in winter (CET) and 08:00Z in summer (CEST).
    const winter = warsawOffset(Date.parse(`${saturday}T12:00:00Z`)) === 60;
    expect(dtstart).toBe(`${saturday.replace(/-/g, "")}T${winter ? "09" : "08"}0000Z`);
    for (const page of [razem, top]) {
      await page.goto("/bookings");
      const row = agendaRows(page, hall);
      await expect(row).toHaveCount(1);
      await expect(row).toContainText("Zatwierdzona");
      await expect(row).toContainText("10:00–14:00");
      await expect(row).toContainText("Warsztaty dla rodziców");
      await accessible(page, "Rezerwacje");
      const events = (await feedEvents(page)).filter((e) => e.SUMMARY?.includes(hall));
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ DTSTART: dtstart, DTEND: dtend, STATUS: "CONFIRMED" });
    }

    // The hall closes at 16:00 on Saturdays: a search for 15:00–17:00 does not offer it, 08:00–10:00 does.
    const late = await searchCatalogue(razem, { date: saturday, from: "15:00", to: "17:00", text: hall });
    await expect(late.getByTestId("results-count")).toHaveText(/^Nie znaleziono żadnego zasobu\./);
    await expect(late.getByRole("link", { name: hall })).toHaveCount(0);
    const early = await searchCatalogue(razem, { date: saturday, from: "08:00", to: "10:00", text: hall });
    await expect(early.getByRole("link", { name: hall })).toBeVisible();

    await razem.context().close();
    await top.context().close();
  });

  test("10 of 120 chairs: Caritas lends them to PCK; 111 more in the same window are refused", async ({ browser }) => {
    const chairs = `Krzesła ${unique()}`;
    const wednesday = onOrAfter(addDays(warsawToday(), 28), 3);

    const caritas = await as(browser, "caritas");
    await listResource(caritas, {
      kind: "Sprzęt",
      name: chairs,
      units: 120,
      mode: "Wymaga zatwierdzenia",
      hours: async (page) => {
        await weekdayHours(page, "08:00", "18:00");
        await addHours(page, "Sobota", "08:00", "14:00");
      },
    });
    await expect(caritas.getByText("Do wypożyczenia: 120 sztuk – można poprosić o część.")).toBeVisible();

    // PCK needs 10 chairs on a Wednesday, 09:00–17:00.
    const pck = await as(browser, "pck");
    const results = await searchCatalogue(pck, { date: wednesday, from: "09:00", to: "17:00", units: 10 });
    const card = results.getByRole("listitem").filter({ has: pck.getByRole("link", { name: chairs }) });
    await expect(card).toContainText("wolne: 120 z 120 szt.");
    await accessible(pck, "Zasoby");
    await card.getByRole("link", { name: chairs }).click();
    await expect(pck.getByRole("heading", { level: 1, name: chairs })).toBeVisible();
    const request = pck.getByRole("form", { name: "Poproś o termin" });
    await expect(request.getByLabel("Ile sztuk")).toHaveValue("10");
    await accessible(pck, chairs);
    await request.getByLabel("Cel / inicjatywa").fill("Szkolenie z pierwszej pomocy");
    await request.getByRole("button", { name: "Wyślij prośbę" }).click();
    await expect(
      request.getByRole("status").filter({ hasText: "Prośba wysłana – czeka na decyzję właściciela." }),
    ).toContainText("Oczekuje na decyzję");

    // Caritas approves it on the booking's page, reached from its agenda.
    await caritas.goto("/bookings");
    await expect(agendaRows(caritas, chairs)).toContainText("Oczekuje na decyzję");
    await agendaRows(caritas, chairs).getByRole("link", { name: chairs }).click();
    await expect(caritas.getByRole("heading", { level: 1, name: `Rezerwacja: ${chairs}` })).toBeVisible();
    await accessible(caritas, `Rezerwacja: ${chairs}`);
    await caritas.getByRole("button", { name: "Zatwierdź", exact: true }).click();
    await caritas.waitForURL(/\?done=approved$/);
    await expect(
      caritas.getByRole("status").filter({ hasText: "Prośba zatwierdzona. Termin jest zarezerwowany." }),
    ).toBeVisible();
    await expect(caritas.getByTestId("booking-status")).toContainText("Zatwierdzona");

    for (const page of [caritas, pck]) {
      await page.goto("/bookings");
      const row = agendaRows(page, chairs);
      await expect(row).toHaveCount(1);
      await expect(row).toContainText("10 sztuk");
      await expect(row).toContainText("Zatwierdzona");
      await expect(row).toContainText("09:00–17:00");
      await accessible(page, "Rezerwacje");
    }
    const events = (await feedEvents(pck)).filter((e) => e.SUMMARY?.includes(chairs));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ DTSTART: icalUtc(wednesday, "09:00"), DTEND: icalUtc(wednesday, "17:00") });
    expect(events[0].DESCRIPTION).toContain("10 sztuk");

    // 110 are left: a search for 111 does not offer the chairs, one for 110 does; asking for 111 is refused.
    const tooMany = await searchCatalogue(pck, { date: wednesday, from: "09:00", to: "17:00", units: 111 });
    await expect(tooMany.getByRole("link", { name: chairs })).toHaveCount(0);
    const rest = await searchCatalogue(pck, { date: wednesday, from: "09:00", to: "17:00", units: 110 });
    const restCard = rest.getByRole("listitem").filter({ has: pck.getByRole("link", { name: chairs }) });
    await expect(restCard).toContainText("wolne: 110 z 120 szt.");
    await restCard.getByRole("link", { name: chairs }).click();
    const again = pck.getByRole("form", { name: "Poproś o termin" });
    await expect(again.getByLabel("Ile sztuk")).toHaveValue("110");
    await again.getByLabel("Ile sztuk").fill("111");
    await again.getByLabel("Cel / inicjatywa").fill("Drugie szkolenie");
    await again.getByRole("button", { name: "Wyślij prośbę" }).click();
    await expect(again.getByRole("status").filter({ hasText: "Ten termin jest już zajęty" })).toBeVisible();
    await expect(again.getByText("Prośba wysłana")).toHaveCount(0);
    await accessible(pck, chairs);

    await pck.goto("/bookings");
    await expect(agendaRows(pck, chairs)).toHaveCount(1);

    await pck.context().close();
    await caritas.context().close();
  });

  test("a weekly class across the last Sunday of October keeps 18:00 Polish time", async ({ browser }) => {
    const hall = `Sala do samoobrony ${unique()}`;
    // The next last Sunday of October at least three weeks away; the class starts on the Thursday 17 days before it,
    // so two occurrences fall in summer time and two in winter time.
    const change = nextLastSundayOfOctober(addDays(warsawToday(), 21));
    const first = addDays(change, -17);
    const dates = [0, 7, 14, 21].map((d) => addDays(first, d));

    const mosir = await as(browser, "mosir");
    await listResource(mosir, {
      kind: "Lokal",
      name: hall,
      capacity: 25,
      mode: "Rezerwacja od razu",
      hours: async (page) => {
        await weekdayHours(page, "08:00", "22:00");
        await addHours(page, "Sobota", "08:00", "22:00");
        await addHours(page, "Niedziela", "08:00", "22:00");
      },
    });
    await mosir.context().close();

    // Commando finds the hall by name and books Thursdays 18:00–19:30, four times across the change.
    const commando = await as(browser, "commando");
    await commando.goto("/resources");
    const search = commando.getByRole("search", { name: "Szukaj" });
    await search.getByLabel("Szukaj w nazwie i opisie").fill(hall);
    await search.getByRole("button", { name: "Szukaj", exact: true }).click();
    await commando.getByRole("link", { name: hall }).click();
    await expect(commando.getByRole("heading", { level: 1, name: hall })).toBeVisible();

    await commando.getByRole("heading", { name: "Rezerwacja cykliczna" }).click();
    const recurring = commando.getByRole("region", { name: "Rezerwacja cykliczna" });
    await expect(recurring.getByRole("radio", { name: "Co tydzień" })).toBeChecked();
    await recurring.getByRole("checkbox", { name: "Czwartek" }).check();
    await recurring.getByLabel("Od dnia").fill(dates[0]);
    await recurring.getByLabel("Od godziny").fill("18:00");
    await recurring.getByLabel("Do godziny").fill("19:30");
    await expect(recurring.getByRole("radio", { name: "Określoną liczbę razy" })).toBeChecked();
    await recurring.getByLabel("Ile razy").fill("4");
    await recurring.getByLabel("Cel / inicjatywa").fill("Samoobrona dla seniorów");
    await recurring.getByRole("button", { name: "Pokaż terminy" }).click();

    await expect(recurring.getByRole("heading", { name: "4 terminy, w tym wolne: 4." })).toBeVisible();
    const occurrences = recurring.getByRole("listitem");
    await expect(occurrences).toHaveCount(4);
    for (const [i, date] of dates.entries()) {
      await expect(occurrences.nth(i)).toHaveText(`${polishDay(date)}, 18:00–19:30 wolny`);
    }
    await accessible(commando, hall);
    await recurring.getByRole("button", { name: "Zarezerwuj wolne terminy (4)" }).click();
    await expect(recurring.getByText("Zarezerwowano 4 terminy.")).toBeVisible();

    // The agenda, upcoming: four bookings, each on its Thursday at 18:00–19:30 Polish time.
    await commando.goto("/bookings?when=past");
    await commando.getByRole("link", { name: "Nadchodzące" }).click();
    await expect(commando.getByRole("link", { name: "Nadchodzące" })).toHaveAttribute("aria-current", "page");
    await expect(agendaRows(commando, hall)).toHaveCount(4);
    for (const date of dates) {
      const day = commando.getByRole("region", { name: `czwartek, ${polishDay(date)}` });
      const row = agendaRows(day, hall);
      await expect(row).toHaveCount(1);
      await expect(row).toContainText("18:00–19:30 czasu polskiego");
      await expect(row).toContainText("Zatwierdzona");
    }
    await accessible(commando, "Rezerwacje");

    // The feed: 18:00 is 16:00Z before the change to winter time and 17:00Z after it.
    const events = (await feedEvents(commando)).filter((e) => e.SUMMARY?.includes(hall));
    const starts = events.map((e) => e.DTSTART).sort();
    expect(starts).toEqual(dates.map((d) => icalUtc(d, "18:00")));
    expect(starts[0]).toBe(`${dates[0].replace(/-/g, "")}T160000Z`);
    expect(starts[3]).toBe(`${dates[3].replace(/-/g, "")}T170000Z`);
    expect(events.map((e) => e.DTEND).sort()).toEqual(dates.map((d) => icalUtc(d, "19:30")));

    await commando.context().close();
  });
});
