/**
 * Demo data for a trial installation. The organisation names are real (see PARTNERSHIP.md); every contact detail,
 * resource, rate and booking is invented and must be shown as demo data.
 */
import type { bookingMode, inKindUnit, organisationKind, resourceKind } from "./schema";

export interface SeedOrganisation {
  slug: string;
  name: string;
  shortName: string;
  kind: (typeof organisationKind.enumValues)[number];
  isLeader?: boolean;
  description: string;
  contactEmail: string;
  contactPhone: string;
  address: string;
}

/** Whole-hour wall-clock interval in Europe/Warsaw on the given ISO weekdays; `to` may be 24. */
export interface SeedHours {
  days: number[];
  from: number;
  to: number;
}

export interface SeedResource {
  /** Stable key for references inside the seed; not stored. */
  key: string;
  owner: string;
  kind: (typeof resourceKind.enumValues)[number];
  name: string;
  description: string;
  location: string;
  capacity?: number;
  quantity?: number;
  bookingMode: (typeof bookingMode.enumValues)[number];
  minMinutes?: number;
  maxMinutes?: number;
  leadMinutes?: number;
  horizonDays?: number;
  bufferMinutes?: number;
  inKindRate: string;
  inKindUnit: (typeof inKindUnit.enumValues)[number];
  details: Record<string, unknown>;
  /** Empty = always open. */
  hours: SeedHours[];
  /** For generated bookings. */
  purposes: string[];
  attendees?: [number, number];
  bookQuantity?: [number, number];
}

const WORKDAYS = [1, 2, 3, 4, 5];
const WEEKEND = [6, 7];
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const HOUR = 60;
const DAY = 24 * HOUR;
const TOWN = "59-700 Bolesławiec";

export const seedOrganisations: SeedOrganisation[] = [
  {
    slug: "mops",
    name: "Miejski Ośrodek Pomocy Społecznej w Bolesławcu",
    shortName: "MOPS",
    kind: "public_institution",
    isLeader: true,
    description:
      "Lider i koordynator partnerstwa. Wspiera mieszkańców w trudnej sytuacji życiowej, prowadzi pracę socjalną i pomaga partnerom w pozyskiwaniu funduszy.",
    contactEmail: "kontakt-mops@partnerstwo.test",
    contactPhone: "+48 75 000 01 01",
    address: `ul. Partnerska 1, ${TOWN}`,
  },
  {
    slug: "razem",
    name: "Stowarzyszenie Przeciw Przemocy „Razem”",
    shortName: "„Razem”",
    kind: "association",
    description:
      "Pomaga osobom doznającym przemocy i ich rodzinom: konsultacje psychologiczne, grupy wsparcia, warsztaty profilaktyczne w szkołach.",
    contactEmail: "kontakt-razem@partnerstwo.test",
    contactPhone: "+48 75 000 02 02",
    address: `ul. Partnerska 6, ${TOWN}`,
  },
  {
    slug: "top",
    name: "Stowarzyszenie Kultury Fizycznej TOP",
    shortName: "TOP",
    kind: "association",
    description:
      "Klub sportowy prowadzący zajęcia dla dzieci, młodzieży i seniorów; organizuje turnieje i pikniki sportowe.",
    contactEmail: "kontakt-top@partnerstwo.test",
    contactPhone: "+48 75 000 03 03",
    address: `ul. Partnerska 2, ${TOWN}`,
  },
  {
    slug: "mosir",
    name: "Miejski Ośrodek Sportu i Rekreacji",
    shortName: "MOSiR",
    kind: "public_institution",
    description: "Zarządza miejskimi obiektami sportowymi: halą, boiskami i sprzętem estradowym na imprezy plenerowe.",
    contactEmail: "kontakt-mosir@partnerstwo.test",
    contactPhone: "+48 75 000 04 04",
    address: `ul. Partnerska 5, ${TOWN}`,
  },
  {
    slug: "parafia-mbnp",
    name: "Parafia Matki Bożej Nieustającej Pomocy",
    shortName: "Parafia MBNP",
    kind: "parish",
    description: "Udostępnia salę parafialną z kuchnią na spotkania, poczęstunki i wydarzenia dla mieszkańców.",
    contactEmail: "kontakt-parafia@partnerstwo.test",
    contactPhone: "+48 75 000 05 05",
    address: `ul. Partnerska 3, ${TOWN}`,
  },
  {
    slug: "pck",
    name: "Polski Czerwony Krzyż (PCK)",
    shortName: "PCK",
    kind: "humanitarian",
    description: "Szkoli z pierwszej pomocy, prowadzi zbiórki i pomoc doraźną; użycza sprzętu szkoleniowego.",
    contactEmail: "kontakt-pck@partnerstwo.test",
    contactPhone: "+48 75 000 06 06",
    address: `ul. Partnerska 7, ${TOWN}`,
  },
  {
    slug: "kuduk",
    name: "Stanisław Kuduk – przedsiębiorca",
    shortName: "S. Kuduk",
    kind: "entrepreneur",
    description: "Lokalny przedsiębiorca; wspiera partnerstwo transportem – samochodem dostawczym z kierowcą.",
    contactEmail: "kontakt-kuduk@partnerstwo.test",
    contactPhone: "+48 75 000 07 07",
    address: `ul. Partnerska 8, ${TOWN}`,
  },
  {
    slug: "commando",
    name: "Stowarzyszenie Byłych Żołnierzy 62 KS „Commando”",
    shortName: "„Commando”",
    kind: "association",
    description:
      "Weterani 62 Kompanii Specjalnej; prowadzą zajęcia z samoobrony i użyczają namiotów oraz kuchni polowej.",
    contactEmail: "kontakt-commando@partnerstwo.test",
    contactPhone: "+48 75 000 08 08",
    address: `ul. Partnerska 9, ${TOWN}`,
  },
  {
    slug: "caritas",
    name: "Caritas przy Parafii Wniebowzięcia NMP i św. Mikołaja",
    shortName: "Caritas",
    kind: "church_charity",
    description:
      "Prowadzi świetlicę dla dzieci, zbiórki żywności i pomoc dla seniorów; użycza stołów, krzeseł i wolontariuszy.",
    contactEmail: "kontakt-caritas@partnerstwo.test",
    contactPhone: "+48 75 000 09 09",
    address: `ul. Partnerska 4, ${TOWN}`,
  },
];

const premisesDetails = (
  floor: number,
  stepFree: boolean,
  accessibleToilet: boolean,
  inductionLoop: boolean,
  amenities: string[],
) => ({
  floor,
  stepFree,
  accessibleToilet,
  inductionLoop,
  amenities,
});

export const seedResources: SeedResource[] = [
  // —— premises ——
  {
    key: "mops-sala",
    owner: "mops",
    kind: "premises",
    name: "Sala konferencyjna MOPS",
    description:
      "Jasna sala na parterze siedziby MOPS z rzutnikiem, ekranem i flipchartem. Na szkolenia, spotkania partnerstwa i warsztaty.",
    location: "Siedziba MOPS, ul. Partnerska 1, parter, sala nr 12",
    capacity: 40,
    bookingMode: "approval",
    minMinutes: HOUR,
    maxMinutes: 8 * HOUR,
    leadMinutes: 2 * DAY,
    horizonDays: 120,
    bufferMinutes: 30,
    inKindRate: "80.00",
    inKindUnit: "hour",
    details: premisesDetails(0, true, true, true, ["rzutnik", "ekran", "flipchart", "Wi-Fi", "czajnik i kawa"]),
    // Closed 15–16 for cleaning.
    hours: [
      { days: WORKDAYS, from: 8, to: 15 },
      { days: WORKDAYS, from: 16, to: 20 },
    ],
    purposes: [
      "Szkolenie dla wolontariuszy",
      "Spotkanie grupy wsparcia",
      "Warsztaty dla rodziców",
      "Zebranie zarządu stowarzyszenia",
    ],
    attendees: [8, 40],
  },
  {
    key: "mosir-hala",
    owner: "mosir",
    kind: "premises",
    name: "Hala sportowa MOSiR",
    description:
      "Pełnowymiarowa hala z widownią na 300 miejsc i boiskami do koszykówki, siatkówki i piłki ręcznej. Szatnie i natryski w cenie.",
    location: "Hala MOSiR, ul. Partnerska 5",
    capacity: 300,
    bookingMode: "approval",
    minMinutes: HOUR,
    maxMinutes: 10 * HOUR,
    leadMinutes: 3 * DAY,
    horizonDays: 180,
    bufferMinutes: 30,
    inKindRate: "150.00",
    inKindUnit: "hour",
    details: premisesDetails(0, true, true, false, [
      "szatnie z natryskami",
      "widownia na 300 miejsc",
      "tablica wyników",
      "kosze i siatki",
    ]),
    hours: [
      { days: WORKDAYS, from: 15, to: 22 },
      { days: WEEKEND, from: 8, to: 22 },
    ],
    purposes: [
      "Turniej piłki siatkowej dla młodzieży",
      "Festyn rodzinny pod dachem",
      "Zawody sportowe dla seniorów",
      "Mecz charytatywny",
    ],
    attendees: [30, 250],
  },
  {
    key: "mosir-boisko",
    owner: "mosir",
    kind: "premises",
    name: "Boisko ze sztuczną nawierzchnią",
    description: "Oświetlone boisko piłkarskie 60 × 40 m ze sztuczną trawą, bramkami i piłkochwytami.",
    location: "Kompleks sportowy MOSiR, ul. Partnerska 5",
    capacity: 200,
    bookingMode: "instant",
    minMinutes: HOUR,
    maxMinutes: 4 * HOUR,
    leadMinutes: 2 * HOUR,
    horizonDays: 60,
    inKindRate: "100.00",
    inKindUnit: "hour",
    details: premisesDetails(0, true, false, false, ["oświetlenie", "bramki", "piłkochwyty", "szatnia w hali obok"]),
    hours: [{ days: EVERY_DAY, from: 8, to: 22 }],
    purposes: ["Turniej piłkarski podwórkowy", "Trening drużyny młodzików", "Piknik sportowy"],
    attendees: [10, 120],
  },
  {
    key: "parafia-sala",
    owner: "parafia-mbnp",
    kind: "premises",
    name: "Sala parafialna z kuchnią",
    description:
      "Sala na 60 osób z zapleczem kuchennym (kuchenka, lodówka, zmywarka, naczynia na 60 osób). Na spotkania, wigilie i poczęstunki.",
    location: "Dom parafialny, ul. Partnerska 3, parter",
    capacity: 60,
    bookingMode: "approval",
    minMinutes: HOUR,
    maxMinutes: 8 * HOUR,
    leadMinutes: 2 * DAY,
    horizonDays: 120,
    bufferMinutes: 30,
    inKindRate: "60.00",
    inKindUnit: "hour",
    details: premisesDetails(0, false, false, false, [
      "kuchnia z lodówką i zmywarką",
      "naczynia na 60 osób",
      "pianino",
      "stoły i krzesła na 60 osób",
    ]),
    // Closed during midday services; open until midnight on Friday and Saturday.
    hours: [
      { days: [1, 2, 3, 4], from: 9, to: 12 },
      { days: [1, 2, 3, 4], from: 16, to: 21 },
      { days: [5, 6], from: 16, to: 24 },
      { days: [7], from: 13, to: 20 },
    ],
    purposes: [
      "Spotkanie opłatkowe dla seniorów",
      "Poczęstunek po festynie",
      "Spotkanie klubu seniora",
      "Warsztaty kulinarne dla młodzieży",
    ],
    attendees: [15, 60],
  },
  {
    key: "caritas-swietlica",
    owner: "caritas",
    kind: "premises",
    name: "Świetlica Caritas",
    description:
      "Przytulna świetlica z kącikiem dla dzieci, stołami do zajęć i aneksem kuchennym. Na zajęcia świetlicowe, grupy wsparcia i korepetycje.",
    location: "Siedziba Caritas, ul. Partnerska 4, parter",
    capacity: 30,
    bookingMode: "approval",
    minMinutes: HOUR,
    maxMinutes: 6 * HOUR,
    leadMinutes: DAY,
    horizonDays: 90,
    bufferMinutes: 30,
    inKindRate: "40.00",
    inKindUnit: "hour",
    details: premisesDetails(0, true, true, false, [
      "aneks kuchenny",
      "kącik zabaw dla dzieci",
      "gry planszowe",
      "telewizor",
    ]),
    hours: [
      { days: WORKDAYS, from: 10, to: 18 },
      { days: [6], from: 10, to: 14 },
    ],
    purposes: [
      "Zajęcia świetlicowe dla dzieci",
      "Spotkanie grupy wsparcia dla rodzin",
      "Korepetycje dla uczniów",
      "Warsztaty plastyczne",
    ],
    attendees: [6, 30],
  },
  {
    key: "top-silownia",
    owner: "top",
    kind: "premises",
    name: "Siłownia TOP",
    description:
      "Siłownia z atlasem, wolnymi ciężarami, bieżniami i rowerkami. Zajęcia tylko pod okiem instruktora lub opiekuna grupy.",
    location: "Klub TOP, ul. Partnerska 2, poziom -1",
    capacity: 15,
    bookingMode: "instant",
    minMinutes: HOUR,
    maxMinutes: 3 * HOUR,
    leadMinutes: HOUR,
    horizonDays: 30,
    inKindRate: "50.00",
    inKindUnit: "hour",
    details: premisesDetails(-1, false, false, false, [
      "atlas",
      "wolne ciężary",
      "bieżnie",
      "rowerki stacjonarne",
      "szatnia",
    ]),
    hours: [
      { days: WORKDAYS, from: 7, to: 10 },
      { days: WORKDAYS, from: 16, to: 21 },
      { days: [6], from: 9, to: 13 },
    ],
    purposes: [
      "Zajęcia ruchowe dla seniorów",
      "Trening wzmacniający dla podopiecznych",
      "Zajęcia sportowe dla młodzieży",
    ],
    attendees: [4, 15],
  },
  // —— equipment ——
  {
    key: "caritas-stoly",
    owner: "caritas",
    kind: "equipment",
    name: "Stoły składane",
    description: "Lekkie stoły składane 180 × 75 cm z blatem z tworzywa, do sali lub na zewnątrz.",
    location: "Magazyn Caritas, ul. Partnerska 4",
    quantity: 20,
    bookingMode: "instant",
    leadMinutes: DAY,
    horizonDays: 90,
    inKindRate: "10.00",
    inKindUnit: "unit_day",
    details: {
      pickup: "Odbiór i zwrot w magazynie Caritas w godzinach otwarcia; transport we własnym zakresie.",
      condition: "dobry, drobne rysy na blatach",
      includes: ["pokrowce na 10 stołów"],
    },
    hours: [{ days: WORKDAYS, from: 9, to: 17 }],
    purposes: ["Festyn rodzinny", "Kiermasz świąteczny", "Piknik parafialny", "Zbiórka żywności"],
    bookQuantity: [4, 10],
  },
  {
    key: "caritas-krzesla",
    owner: "caritas",
    kind: "equipment",
    name: "Krzesła składane",
    description: "Metalowe krzesła składane z plastikowym siedziskiem, łatwe w transporcie.",
    location: "Magazyn Caritas, ul. Partnerska 4",
    quantity: 120,
    bookingMode: "instant",
    leadMinutes: DAY,
    horizonDays: 90,
    inKindRate: "3.00",
    inKindUnit: "unit_day",
    details: {
      pickup: "Odbiór i zwrot w magazynie Caritas w godzinach otwarcia; transport we własnym zakresie.",
      condition: "dobry",
      includes: ["wózek transportowy na 30 krzeseł"],
    },
    hours: [{ days: WORKDAYS, from: 9, to: 17 }],
    purposes: ["Festyn rodzinny", "Spotkanie z mieszkańcami", "Koncert plenerowy", "Zebranie wspólnoty"],
    bookQuantity: [20, 60],
  },
  {
    key: "mosir-naglosnienie",
    owner: "mosir",
    kind: "equipment",
    name: "Zestaw nagłośnieniowy",
    description:
      "Nagłośnienie plenerowe 2 × 1000 W z mikserem i czterema mikrofonami bezprzewodowymi. Obsługa przez przeszkolonego wolontariusza.",
    location: "Magazyn MOSiR, ul. Partnerska 5",
    bookingMode: "approval",
    leadMinutes: 3 * DAY,
    horizonDays: 120,
    bufferMinutes: 60,
    inKindRate: "300.00",
    inKindUnit: "unit_day",
    details: {
      pickup: "Wydanie i zwrot w magazynie MOSiR; przed pierwszym użyciem krótki instruktaż.",
      condition: "bardzo dobry",
      includes: ["mikser 12-kanałowy", "2 kolumny aktywne", "4 mikrofony bezprzewodowe", "statywy i okablowanie"],
    },
    hours: [{ days: EVERY_DAY, from: 8, to: 22 }],
    purposes: ["Festyn rodzinny", "Koncert charytatywny", "Piknik integracyjny", "Obchody Dnia Dziecka"],
  },
  {
    key: "mosir-oswietlenie",
    owner: "mosir",
    kind: "equipment",
    name: "Oświetlenie sceniczne",
    description: "Zestaw reflektorów LED ze sterownikiem do oświetlenia sceny podczas koncertów i przedstawień.",
    location: "Magazyn MOSiR, ul. Partnerska 5",
    bookingMode: "approval",
    leadMinutes: 3 * DAY,
    horizonDays: 120,
    bufferMinutes: 60,
    inKindRate: "250.00",
    inKindUnit: "unit_day",
    details: {
      pickup: "Wydanie i zwrot w magazynie MOSiR; montaż z pomocą pracownika MOSiR.",
      condition: "dobry",
      includes: ["8 reflektorów LED PAR", "2 statywy oświetleniowe", "sterownik DMX"],
    },
    hours: [{ days: EVERY_DAY, from: 8, to: 22 }],
    purposes: ["Koncert charytatywny", "Przedstawienie jasełkowe", "Gala wolontariatu"],
  },
  {
    key: "top-maty",
    owner: "top",
    kind: "equipment",
    name: "Maty gimnastyczne",
    description: "Maty gimnastyczne 200 × 100 × 5 cm do zajęć ruchowych, samoobrony i pokazów.",
    location: "Klub TOP, ul. Partnerska 2",
    quantity: 30,
    bookingMode: "instant",
    leadMinutes: DAY,
    horizonDays: 60,
    inKindRate: "5.00",
    inKindUnit: "unit_day",
    details: {
      pickup: "Odbiór w klubie TOP w godzinach popołudniowych; zwrot czystych mat.",
      condition: "dobry",
      includes: ["pasy do zwijania mat"],
    },
    hours: [{ days: WORKDAYS, from: 16, to: 21 }],
    purposes: ["Zajęcia z samoobrony", "Gimnastyka dla seniorów", "Pokaz akrobatyki na festynie"],
    bookQuantity: [5, 15],
  },
  {
    key: "top-pilki",
    owner: "top",
    kind: "equipment",
    name: "Piłki do gier zespołowych",
    description: "Piłki do siatkówki, koszykówki i piłki nożnej na turnieje i zajęcia sportowe.",
    location: "Klub TOP, ul. Partnerska 2",
    quantity: 20,
    bookingMode: "instant",
    leadMinutes: DAY,
    horizonDays: 60,
    inKindRate: "2.00",
    inKindUnit: "unit_day",
    details: {
      pickup: "Odbiór w klubie TOP w godzinach popołudniowych.",
      condition: "dobry",
      includes: ["pompka", "siatka na piłki"],
    },
    hours: [{ days: WORKDAYS, from: 16, to: 21 }],
    purposes: ["Festyn rodzinny", "Turniej podwórkowy", "Zajęcia sportowe na półkoloniach"],
    bookQuantity: [4, 10],
  },
  {
    key: "pck-fantom",
    owner: "pck",
    kind: "equipment",
    name: "Fantom do nauki resuscytacji (RKO)",
    description:
      "Fantom osoby dorosłej do ćwiczenia resuscytacji krążeniowo-oddechowej, z sygnalizacją głębokości uciśnięć.",
    location: "Biuro PCK, ul. Partnerska 7",
    quantity: 4,
    bookingMode: "approval",
    leadMinutes: 2 * DAY,
    horizonDays: 90,
    inKindRate: "40.00",
    inKindUnit: "unit_day",
    details: {
      pickup: "Wydaje instruktor PCK; fantomy są dezynfekowane po każdym użyciu.",
      condition: "bardzo dobry",
      includes: ["wymienne drogi oddechowe", "torba transportowa", "chusteczki dezynfekujące"],
    },
    hours: [{ days: WORKDAYS, from: 8, to: 16 }],
    purposes: [
      "Pokaz pierwszej pomocy na festynie",
      "Szkolenie z pierwszej pomocy dla seniorów",
      "Zajęcia dla harcerzy",
    ],
    bookQuantity: [1, 3],
  },
  {
    key: "pck-aed",
    owner: "pck",
    kind: "equipment",
    name: "Trenażer AED",
    description: "Szkoleniowy defibrylator AED z polskimi komunikatami głosowymi; nie wyładowuje prądu.",
    location: "Biuro PCK, ul. Partnerska 7",
    quantity: 2,
    bookingMode: "approval",
    leadMinutes: 2 * DAY,
    horizonDays: 90,
    inKindRate: "50.00",
    inKindUnit: "unit_day",
    details: {
      pickup: "Wydaje instruktor PCK razem z fantomem lub osobno.",
      condition: "bardzo dobry",
      includes: ["elektrody treningowe", "pilot do scenariuszy", "instrukcja po polsku"],
    },
    hours: [{ days: WORKDAYS, from: 8, to: 16 }],
    purposes: ["Pokaz pierwszej pomocy na festynie", "Szkolenie z obsługi AED dla kadry"],
    bookQuantity: [1, 2],
  },
  {
    key: "commando-namioty",
    owner: "commando",
    kind: "equipment",
    name: "Namioty wojskowe",
    description:
      "Namioty wojskowe 5 × 5 m z masztami i śledziami, każdy na około 20 osób. Rozstawienie z pomocą członków stowarzyszenia.",
    location: "Magazyn stowarzyszenia „Commando”, ul. Partnerska 9",
    quantity: 3,
    bookingMode: "approval",
    leadMinutes: 7 * DAY,
    horizonDays: 180,
    inKindRate: "120.00",
    inKindUnit: "unit_day",
    details: {
      pickup: "Transport i rozstawienie uzgadniamy ze stowarzyszeniem; zwrot suchych namiotów.",
      condition: "używane, sprawne",
      includes: ["maszty", "śledzie", "linki odciągowe"],
    },
    hours: [
      { days: WORKDAYS, from: 16, to: 20 },
      { days: WEEKEND, from: 8, to: 20 },
    ],
    purposes: [
      "Piknik rodzinny",
      "Festyn parafialny",
      "Rajd rowerowy – punkt postojowy",
      "Obchody Święta Niepodległości",
    ],
    bookQuantity: [1, 2],
  },
  {
    key: "commando-kuchnia",
    owner: "commando",
    kind: "equipment",
    name: "Kuchnia polowa",
    description:
      "Kuchnia polowa na przyczepie z kotłem na 200 porcji. Wydawana wyłącznie z obsługą członka stowarzyszenia.",
    location: "Magazyn stowarzyszenia „Commando”, ul. Partnerska 9",
    bookingMode: "approval",
    leadMinutes: 14 * DAY,
    horizonDays: 180,
    bufferMinutes: 120,
    inKindRate: "400.00",
    inKindUnit: "unit_day",
    details: {
      pickup: "Dowóz na miejsce wydarzenia przez stowarzyszenie; produkty i opał po stronie organizatora.",
      condition: "sprawna, po przeglądzie",
      includes: ["kocioł 200 l", "chochle i termosy", "gaśnica"],
    },
    hours: [
      { days: [5], from: 12, to: 20 },
      { days: WEEKEND, from: 8, to: 20 },
    ],
    purposes: ["Grochówka na festynie rodzinnym", "Poczęstunek podczas pikniku", "Obchody Święta Niepodległości"],
  },
  {
    key: "kuduk-bus",
    owner: "kuduk",
    kind: "equipment",
    name: "Samochód dostawczy z kierowcą",
    description:
      "Samochód dostawczy do 3,5 t (ok. 12 m³ przestrzeni ładunkowej) z kierowcą. Do przewozu sprzętu, darów i paczek w Bolesławcu i okolicy.",
    location: "Bolesławiec i okolice – podstawienie pod wskazany adres",
    bookingMode: "approval",
    minMinutes: HOUR,
    maxMinutes: 12 * HOUR,
    leadMinutes: DAY,
    horizonDays: 60,
    bufferMinutes: 60,
    inKindRate: "200.00",
    inKindUnit: "unit_day",
    details: {
      pickup: "Pojazd podstawiany z kierowcą pod wskazany adres.",
      condition: "sprawny, ubezpieczony",
      includes: ["pasy transportowe", "ręczny wózek paletowy"],
    },
    hours: [],
    purposes: ["Przewóz darów ze zbiórki żywności", "Transport sprzętu na festyn", "Rozwóz paczek świątecznych"],
  },
  // —— expertise ——
  {
    key: "pck-kurs",
    owner: "pck",
    kind: "expertise",
    name: "Kurs pierwszej pomocy",
    description:
      "Praktyczny kurs prowadzony przez ratownika PCK: RKO, AED, pozycja boczna, zadławienia. Uczestnicy otrzymują zaświadczenie.",
    location: "U zamawiającego lub w sali PCK",
    bookingMode: "approval",
    minMinutes: 2 * HOUR,
    maxMinutes: 8 * HOUR,
    leadMinutes: 7 * DAY,
    horizonDays: 120,
    bufferMinutes: 30,
    inKindRate: "80.00",
    inKindUnit: "volunteer_hour",
    details: {
      offer: "Kurs od 2 do 8 godzin dla grupy do 16 osób, z ćwiczeniami na fantomach.",
      volunteers: 2,
      maxHoursPerMonth: 24,
      requirements: "Sala z wolną przestrzenią do ćwiczeń na podłodze; grupa do 16 osób.",
    },
    hours: [
      { days: WORKDAYS, from: 9, to: 18 },
      { days: [6], from: 9, to: 15 },
    ],
    purposes: [
      "Szkolenie z pierwszej pomocy dla seniorów",
      "Pierwsza pomoc dla wolontariuszy festynu",
      "Kurs dla opiekunów świetlicy",
    ],
    attendees: [8, 16],
  },
  {
    key: "commando-samoobrona",
    owner: "commando",
    kind: "expertise",
    name: "Zajęcia z samoobrony",
    description:
      "Podstawy samoobrony prowadzone przez byłych żołnierzy 62 Kompanii Specjalnej. Dla kobiet, młodzieży i seniorów.",
    location: "U zamawiającego (potrzebna sala z matami)",
    bookingMode: "approval",
    minMinutes: HOUR,
    maxMinutes: 3 * HOUR,
    leadMinutes: 3 * DAY,
    horizonDays: 90,
    bufferMinutes: 30,
    inKindRate: "70.00",
    inKindUnit: "volunteer_hour",
    details: {
      offer: "Zajęcia 1–3 godziny dla grupy do 20 osób.",
      volunteers: 2,
      maxHoursPerMonth: 12,
      requirements: "Sala z matami (maty można wypożyczyć od TOP); strój sportowy.",
    },
    hours: [
      { days: WORKDAYS, from: 16, to: 20 },
      { days: [6], from: 9, to: 14 },
    ],
    purposes: ["Samoobrona dla kobiet", "Zajęcia z samoobrony dla młodzieży", "Bezpieczny senior – warsztaty"],
    attendees: [8, 20],
  },
  {
    key: "razem-warsztaty",
    owner: "razem",
    kind: "expertise",
    name: "Warsztaty z przeciwdziałania przemocy",
    description:
      "Warsztaty dla dzieci, młodzieży, rodziców lub kadry: jak rozpoznać przemoc, jak reagować i gdzie szukać pomocy.",
    location: "U zamawiającego",
    bookingMode: "approval",
    minMinutes: 2 * HOUR,
    maxMinutes: 4 * HOUR,
    leadMinutes: 7 * DAY,
    horizonDays: 120,
    bufferMinutes: 30,
    inKindRate: "100.00",
    inKindUnit: "volunteer_hour",
    details: {
      offer: "Warsztaty 2–4 godziny dla grupy do 25 osób, z materiałami.",
      volunteers: 2,
      maxHoursPerMonth: 16,
      requirements: "Sala z krzesłami ustawionymi w kręgu; rzutnik mile widziany.",
    },
    hours: [{ days: WORKDAYS, from: 9, to: 19 }],
    purposes: ["Warsztaty dla rodziców", "Zajęcia profilaktyczne dla młodzieży", "Szkolenie dla wolontariuszy"],
    attendees: [10, 25],
  },
  {
    key: "razem-psycholog",
    owner: "razem",
    kind: "expertise",
    name: "Konsultacja psychologa",
    description:
      "Indywidualna, poufna konsultacja z psychologiem stowarzyszenia dla osób doznających przemocy lub ich bliskich, na prośbę organizacji partnerskiej.",
    location: "Punkt konsultacyjny „Razem”, ul. Partnerska 6",
    bookingMode: "approval",
    minMinutes: HOUR,
    maxMinutes: 2 * HOUR,
    leadMinutes: DAY,
    horizonDays: 30,
    inKindRate: "120.00",
    inKindUnit: "volunteer_hour",
    details: {
      offer: "Konsultacja od 1 do 2 godzin.",
      volunteers: 1,
      maxHoursPerMonth: 10,
      requirements: "Wcześniejszy kontakt telefoniczny; dane osoby przekazujemy tylko w rozmowie, nigdy w systemie.",
    },
    hours: [{ days: [2, 4], from: 16, to: 19 }],
    purposes: ["Konsultacja dla podopiecznej", "Konsultacja dla rodziny"],
    attendees: [1, 2],
  },
  {
    key: "top-trener",
    owner: "top",
    kind: "expertise",
    name: "Trening sportowy z instruktorem",
    description: "Instruktor TOP poprowadzi rozgrzewkę, gry zespołowe lub zajęcia ogólnorozwojowe, także dla seniorów.",
    location: "U zamawiającego (sala lub boisko)",
    bookingMode: "approval",
    minMinutes: HOUR,
    maxMinutes: 2 * HOUR,
    leadMinutes: 2 * DAY,
    horizonDays: 60,
    inKindRate: "60.00",
    inKindUnit: "volunteer_hour",
    details: {
      offer: "Zajęcia 1–2 godziny dla grupy do 25 osób.",
      volunteers: 3,
      maxHoursPerMonth: 20,
      requirements: "Sala gimnastyczna lub boisko po stronie zamawiającego.",
    },
    hours: [
      { days: WORKDAYS, from: 15, to: 20 },
      { days: [6], from: 9, to: 13 },
    ],
    purposes: [
      "Zajęcia ruchowe dla seniorów",
      "Rozgrzewka przed biegiem charytatywnym",
      "Gry zespołowe na półkoloniach",
    ],
    attendees: [6, 25],
  },
  {
    key: "mops-granty",
    owner: "mops",
    kind: "expertise",
    name: "Pomoc w przygotowaniu wniosków grantowych",
    description:
      "Konsultacje z pracownikiem MOPS doświadczonym w pozyskiwaniu funduszy krajowych i unijnych: pomysł, budżet, wkład własny (także rzeczowy).",
    location: "Siedziba MOPS, ul. Partnerska 1, pokój 21",
    bookingMode: "approval",
    minMinutes: HOUR,
    maxMinutes: 3 * HOUR,
    leadMinutes: 2 * DAY,
    horizonDays: 60,
    inKindRate: "90.00",
    inKindUnit: "volunteer_hour",
    details: {
      offer: "Konsultacja 1–3 godziny dla 1–4 osób z organizacji.",
      volunteers: 1,
      maxHoursPerMonth: 12,
      requirements: "Przygotuj krótki opis pomysłu i regulamin konkursu.",
    },
    hours: [{ days: WORKDAYS, from: 8, to: 15 }],
    purposes: ["Wniosek do programu FIO", "Budżet projektu z wkładem rzeczowym", "Konsultacja wniosku do EFS+"],
    attendees: [1, 4],
  },
  {
    key: "caritas-wolontariusze",
    owner: "caritas",
    kind: "expertise",
    name: "Wolontariusze do obsługi wydarzeń",
    description:
      "Wolontariusze Caritas pomogą przy festynie, zbiórce lub poczęstunku: rejestracja gości, wydawanie posiłków, opieka nad stoiskami.",
    location: "Na miejscu wydarzenia",
    quantity: 8,
    bookingMode: "approval",
    minMinutes: 2 * HOUR,
    maxMinutes: 8 * HOUR,
    leadMinutes: 3 * DAY,
    horizonDays: 90,
    inKindRate: "40.00",
    inKindUnit: "volunteer_hour",
    details: {
      offer: "Od 1 do 8 wolontariuszy na 2–8 godzin.",
      volunteers: 8,
      maxHoursPerMonth: 60,
      requirements: "Zgłoszenie co najmniej 3 dni wcześniej; niepełnoletni wolontariusze pracują najdłużej do 20:00.",
    },
    hours: [{ days: EVERY_DAY, from: 8, to: 20 }],
    purposes: ["Festyn rodzinny", "Zbiórka żywności w sklepach", "Poczęstunek dla seniorów"],
    bookQuantity: [2, 4],
  },
];

/** Bookings that must exist whatever the generator picks: pending requests waiting for different owners. */
export const requiredPending: { resource: string; requester: string; purpose: string }[] = [
  { resource: "mops-sala", requester: "razem", purpose: "Warsztaty dla rodziców" },
  { resource: "caritas-swietlica", requester: "pck", purpose: "Szkolenie z pierwszej pomocy dla dzieci" },
  { resource: "parafia-sala", requester: "top", purpose: "Spotkanie opłatkowe dla seniorów" },
  { resource: "commando-kuchnia", requester: "parafia-mbnp", purpose: "Grochówka na festynie rodzinnym" },
  { resource: "kuduk-bus", requester: "caritas", purpose: "Rozwóz paczek świątecznych" },
];

export const requestNotes = [
  "Prosimy o dostęp do rzutnika.",
  "Potrzebujemy miejsca do parkowania dla jednego auta.",
  "Odbierzemy i oddamy sami, w ustalonych godzinach.",
  "Uczestnicy to osoby starsze – prosimy o krzesła przy wejściu.",
];
export const approveNotes = [
  "Zapraszamy, klucze do odbioru w sekretariacie.",
  "Potwierdzamy termin.",
  "Zgoda – prosimy o zostawienie porządku.",
];
export const declineNotes = [
  "W tym terminie korzystamy z zasobu na potrzeby własne.",
  "Niestety nie mamy wtedy osoby do obsługi.",
  "Termin koliduje z przeglądem technicznym.",
];
export const cancelNotes = ["Wydarzenie przełożone.", "Zbyt mało zgłoszeń uczestników.", "Zła prognoza pogody."];

/** One rate of the partnership's rate cards: for a category, or for one resource (by its seed key). */
export interface SeedRate {
  category?: "premises_hour" | "equipment_unit_day" | "volunteer_hour_simple" | "volunteer_hour_specialist";
  resource?: string;
  amount: string;
  validFrom: string;
  source: string;
}

const RESOLUTION_2026 = "Stawki przyjęte przez partnerstwo, uchwała 1/2026";
const RESOLUTION_2025 = "Stawki przyjęte przez partnerstwo, uchwała 3/2024";

/**
 * Demo rate cards for valuing the in-kind contribution. The volunteer rates follow the minimum hourly wage (30,50 zł
 * in 2025, 31,40 zł in 2026); the premises rate changed at the start of 2026, so reports over the year show both.
 */
export const seedRateCards: SeedRate[] = [
  { category: "premises_hour", amount: "50.00", validFrom: "2025-01-01", source: RESOLUTION_2025 },
  { category: "premises_hour", amount: "60.00", validFrom: "2026-01-01", source: RESOLUTION_2026 },
  { category: "equipment_unit_day", amount: "10.00", validFrom: "2025-01-01", source: RESOLUTION_2025 },
  { category: "equipment_unit_day", amount: "15.00", validFrom: "2026-01-01", source: RESOLUTION_2026 },
  {
    category: "volunteer_hour_simple",
    amount: "30.50",
    validFrom: "2025-01-01",
    source: "Minimalna stawka godzinowa w 2025 r. (rozporządzenie Rady Ministrów)",
  },
  {
    category: "volunteer_hour_simple",
    amount: "31.40",
    validFrom: "2026-01-01",
    source: "Minimalna stawka godzinowa w 2026 r. (rozporządzenie Rady Ministrów)",
  },
  { category: "volunteer_hour_specialist", amount: "80.00", validFrom: "2025-01-01", source: RESOLUTION_2025 },
  { category: "volunteer_hour_specialist", amount: "90.00", validFrom: "2026-01-01", source: RESOLUTION_2026 },
  {
    resource: "mosir-hala",
    amount: "150.00",
    validFrom: "2026-01-01",
    source: "Cennik wynajmu obiektów MOSiR na 2026 r. (zarządzenie dyrektora)",
  },
  {
    resource: "kuduk-bus",
    amount: "400.00",
    validFrom: "2026-01-01",
    source: "Cennik wynajmu busa – oferta przedsiębiorcy z 2026 r.",
  },
];

/** Expertise valued at the specialist volunteer rate. */
export const seedSpecialistResources = ["razem-psycholog", "razem-warsztaty", "mops-granty", "pck-kurs", "top-trener"];

// —— volunteers ——

/**
 * The seeded sentinel: the phone of a PCK volunteer. Tests crawl every page and API response as other organisations
 * and assert it never appears where they are not entitled to it.
 */
export const SENTINEL_VOLUNTEER_PHONE = "+48 555 010 999";

/** The partnership's shared skill vocabulary. */
export const seedSkills = [
  "Pierwsza pomoc",
  "Samoobrona",
  "Fotografia",
  "Trener sportowy",
  "Psychologia",
  "Warsztaty profilaktyczne",
  "Pisanie wniosków",
  "Obsługa wydarzeń",
  "Praca z dziećmi",
  "Język ukraiński",
];

export interface SeedVolunteer {
  /** Stable key for references inside the seed (offers' teams); not stored. */
  key: string;
  owner: string;
  firstName: string;
  lastName: string;
  email?: string;
  phone?: string;
  notes?: string;
  skills: string[];
  qualifications?: { skill: string; name: string; validUntil: string | null }[];
  /** The date the checks for work with children were done (the fact and the date only). */
  childrenCheckOn?: string;
  /** Every seeded volunteer with contact details consented; the scope is the same demo text. */
  consentOn?: string;
  active?: boolean;
}

export const CONSENT_SCOPE =
  "Kontakt w sprawie zaangażowań w partnerstwie; przekazanie imienia, nazwiska i kontaktu organizacji przyjmującej na czas zaangażowania.";

/** Invented people (names common in Poland, phones in a fictional 555 range, e-mails under `.test`). */
export const seedVolunteers: SeedVolunteer[] = [
  {
    key: "pck-anna",
    owner: "pck",
    firstName: "Anna",
    lastName: "Kowalczyk",
    email: "anna.kowalczyk@wolontariat.test",
    phone: "+48 555 010 101",
    skills: ["Pierwsza pomoc", "Warsztaty profilaktyczne", "Praca z dziećmi"],
    qualifications: [
      {
        skill: "Pierwsza pomoc",
        name: "Zaświadczenie ukończenia kursu pierwszej pomocy PCK",
        validUntil: "2028-12-31",
      },
    ],
    childrenCheckOn: "2025-09-15",
    consentOn: "2025-09-01",
  },
  {
    key: "pck-marek",
    owner: "pck",
    firstName: "Marek",
    lastName: "Zieliński",
    email: "marek.zielinski@wolontariat.test",
    phone: SENTINEL_VOLUNTEER_PHONE,
    notes: "Dostępny głównie w weekendy.",
    skills: ["Pierwsza pomoc", "Obsługa wydarzeń"],
    qualifications: [
      { skill: "Pierwsza pomoc", name: "Kurs kwalifikowanej pierwszej pomocy", validUntil: "2024-06-30" },
    ],
    consentOn: "2024-03-10",
  },
  {
    key: "pck-joanna",
    owner: "pck",
    firstName: "Joanna",
    lastName: "Wiśniewska",
    email: "joanna.wisniewska@wolontariat.test",
    phone: "+48 555 010 103",
    skills: ["Pierwsza pomoc", "Obsługa wydarzeń", "Fotografia"],
    qualifications: [
      {
        skill: "Pierwsza pomoc",
        name: "Zaświadczenie ukończenia kursu pierwszej pomocy PCK",
        validUntil: "2027-03-31",
      },
    ],
    consentOn: "2025-02-20",
  },
  {
    key: "commando-tomasz",
    owner: "commando",
    firstName: "Tomasz",
    lastName: "Nowak",
    email: "tomasz.nowak@wolontariat.test",
    phone: "+48 555 010 201",
    skills: ["Samoobrona", "Trener sportowy"],
    qualifications: [{ skill: "Samoobrona", name: "Legitymacja instruktora samoobrony", validUntil: null }],
    childrenCheckOn: "2025-05-12",
    consentOn: "2025-05-01",
  },
  {
    key: "commando-piotr",
    owner: "commando",
    firstName: "Piotr",
    lastName: "Mazur",
    email: "piotr.mazur@wolontariat.test",
    phone: "+48 555 010 202",
    skills: ["Samoobrona", "Pierwsza pomoc"],
    qualifications: [{ skill: "Pierwsza pomoc", name: "Kurs pierwszej pomocy (wojsko)", validUntil: "2026-06-30" }],
    consentOn: "2025-05-01",
  },
  {
    key: "razem-katarzyna",
    owner: "razem",
    firstName: "Katarzyna",
    lastName: "Lewandowska",
    email: "katarzyna.lewandowska@wolontariat.test",
    phone: "+48 555 010 301",
    skills: ["Psychologia", "Warsztaty profilaktyczne", "Praca z dziećmi"],
    qualifications: [{ skill: "Psychologia", name: "Prawo wykonywania zawodu psychologa", validUntil: null }],
    childrenCheckOn: "2025-08-28",
    consentOn: "2025-08-20",
  },
  {
    key: "razem-pawel",
    owner: "razem",
    firstName: "Paweł",
    lastName: "Dąbrowski",
    email: "pawel.dabrowski@wolontariat.test",
    skills: ["Warsztaty profilaktyczne", "Pisanie wniosków"],
    childrenCheckOn: "2024-10-03",
    consentOn: "2024-09-30",
  },
  {
    key: "caritas-maria",
    owner: "caritas",
    firstName: "Maria",
    lastName: "Wójcik",
    email: "maria.wojcik@wolontariat.test",
    phone: "+48 555 010 401",
    skills: ["Obsługa wydarzeń", "Fotografia"],
    consentOn: "2025-01-15",
  },
  {
    key: "caritas-jan",
    owner: "caritas",
    firstName: "Jan",
    lastName: "Kamiński",
    phone: "+48 555 010 402",
    skills: ["Obsługa wydarzeń", "Pierwsza pomoc", "Język ukraiński"],
    qualifications: [
      { skill: "Pierwsza pomoc", name: "Zaświadczenie ukończenia kursu pierwszej pomocy", validUntil: "2027-09-30" },
    ],
    consentOn: "2025-01-15",
  },
  {
    key: "caritas-zofia",
    owner: "caritas",
    firstName: "Zofia",
    lastName: "Krawczyk",
    skills: ["Obsługa wydarzeń"],
    active: false,
  },
  {
    key: "top-krzysztof",
    owner: "top",
    firstName: "Krzysztof",
    lastName: "Szymański",
    email: "krzysztof.szymanski@wolontariat.test",
    phone: "+48 555 010 501",
    skills: ["Trener sportowy", "Praca z dziećmi"],
    qualifications: [{ skill: "Trener sportowy", name: "Legitymacja instruktora sportu", validUntil: null }],
    childrenCheckOn: "2025-06-02",
    consentOn: "2025-06-01",
  },
  {
    key: "top-ewa",
    owner: "top",
    firstName: "Ewa",
    lastName: "Woźniak",
    email: "ewa.wozniak@wolontariat.test",
    skills: ["Trener sportowy", "Fotografia"],
    consentOn: "2025-06-01",
  },
];

/** Skill tags of the seeded expertise offers (by seed key) and the volunteers who can deliver them. */
export const seedOfferTeams: {
  resource: string;
  skills: { name: string; certificateRequired: boolean }[];
  volunteers: string[];
}[] = [
  {
    resource: "pck-kurs",
    skills: [{ name: "Pierwsza pomoc", certificateRequired: true }],
    volunteers: ["pck-anna", "pck-joanna", "pck-marek"],
  },
  {
    resource: "commando-samoobrona",
    skills: [{ name: "Samoobrona", certificateRequired: false }],
    volunteers: ["commando-tomasz", "commando-piotr"],
  },
  {
    resource: "razem-warsztaty",
    skills: [{ name: "Warsztaty profilaktyczne", certificateRequired: false }],
    volunteers: ["razem-katarzyna", "razem-pawel"],
  },
  {
    resource: "razem-psycholog",
    skills: [{ name: "Psychologia", certificateRequired: true }],
    volunteers: ["razem-katarzyna"],
  },
  {
    resource: "top-trener",
    skills: [{ name: "Trener sportowy", certificateRequired: true }],
    volunteers: ["top-krzysztof", "top-ewa"],
  },
  { resource: "mops-granty", skills: [{ name: "Pisanie wniosków", certificateRequired: false }], volunteers: [] },
  {
    resource: "caritas-wolontariusze",
    skills: [{ name: "Obsługa wydarzeń", certificateRequired: false }],
    volunteers: ["caritas-maria", "caritas-jan", "caritas-zofia"],
  },
];
