/**
 * What customers type and send: search terms in the case a person types them,
 * names and email addresses, files with the names and types people upload.
 * Pure given `random`; nothing here is constant enough to be a marker.
 */
type Random = () => number;

const pick = <T>(list: readonly T[], random: Random): T =>
  list[Math.min(list.length - 1, Math.floor(random() * list.length))] as T;

/** "oak lamp" as people type it: mostly lower case, sometimes capitalised, rarely shouted. */
export function typedTerm(term: string, random: Random): string {
  const x = random();
  if (x < 0.6) return term.toLowerCase();
  if (x < 0.85) return term.charAt(0).toUpperCase() + term.slice(1).toLowerCase();
  if (x < 0.95) return term.replace(/\b\w/g, (c) => c.toUpperCase());
  return term.toUpperCase();
}

const FIRST = [
  "Maria",
  "James",
  "Aisha",
  "Wei",
  "Lucas",
  "Sofia",
  "Noah",
  "Emma",
  "Mateo",
  "Olivia",
  "Liam",
  "Yuki",
  "Fatima",
  "Elena",
  "Arjun",
  "Chloe",
  "Jonas",
  "Ines",
  "Tomasz",
  "Amara",
  "Hugo",
  "Freya",
  "Omar",
  "Lea",
  "Daniel",
  "Priya",
  "Kofi",
  "Sara",
  "Mikael",
  "Zoe",
] as const;
const LAST = [
  "Lopez",
  "Smith",
  "Khan",
  "Chen",
  "Martin",
  "Rossi",
  "Müller",
  "Dubois",
  "Silva",
  "Nowak",
  "Johansson",
  "Tanaka",
  "Okafor",
  "Garcia",
  "Patel",
  "Brown",
  "Jensen",
  "Novak",
  "Costa",
  "Murphy",
  "Kowalski",
  "Ali",
  "Schmidt",
  "Fischer",
  "Moreau",
  "Hansen",
  "Park",
  "Ivanova",
  "Walker",
  "Santos",
] as const;
const DOMAINS = [
  "gmail.com",
  "outlook.com",
  "yahoo.com",
  "proton.me",
  "icloud.com",
  "hotmail.com",
  "gmx.de",
  "web.de",
  "orange.fr",
  "mail.com",
  "fastmail.com",
  "live.co.uk",
] as const;

export interface Person {
  name: string;
  email: string;
}

const ascii = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase();

/** A made-up customer; the address is unique enough to find again (a number, as people add). */
export function person(random: Random): Person {
  const first = pick(FIRST, random);
  const last = pick(LAST, random);
  const n = Math.floor(random() * 1_000_000);
  const user = pick(
    [
      `${ascii(first)}.${ascii(last)}${n}`,
      `${ascii(first)}${ascii(last)}${n}`,
      `${ascii(first).charAt(0)}${ascii(last)}${n}`,
      `${ascii(last)}.${ascii(first)}${n}`,
      `${ascii(first)}_${n}`,
    ],
    random,
  );
  return { name: `${first} ${last}`, email: `${user}@${pick(DOMAINS, random)}` };
}

const FILES = [
  { name: "IMG_{{n}}.jpg", type: "image/jpeg" },
  { name: "PXL_2026{{n}}.jpg", type: "image/jpeg" },
  { name: "Screenshot {{n}}.png", type: "image/png" },
  { name: "invoice-{{n}}.pdf", type: "application/pdf" },
  { name: "receipt_{{n}}.pdf", type: "application/pdf" },
  { name: "order-{{n}}.csv", type: "text/csv" },
  { name: "photos-{{n}}.zip", type: "application/zip" },
  { name: "notes {{n}}.txt", type: "text/plain" },
] as const;

/** A file as a browser uploads it: its name (x-filename, as the shop's page sends it) and its type. */
export function uploadFile(random: Random): { name: string; type: string } {
  const f = pick(FILES, random);
  return { name: f.name.replace("{{n}}", String(1000 + Math.floor(random() * 9000))), type: f.type };
}

/** Templates only the mock client knows: `{{rand:name}}` and `{{rand:email}}` (one made-up person per request). */
export function expandPerson(text: string, who: Person): string {
  return text.replace(/\{\{rand:name\}\}/g, who.name).replace(/\{\{rand:email\}\}/g, who.email);
}
