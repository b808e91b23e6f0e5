/**
 * Request headers as real browsers send them, so neither the mock client nor a
 * check carries a marker a proxy could answer differently: a browser picked from
 * current families, versions and platforms (a visitor keeps it for its visit), the
 * Accept and Sec-Fetch headers that browser sends for a page load or for a script's
 * fetch, its language, the page it came from and its cookies.
 */
export type BrowserFamily = "chrome" | "edge" | "firefox" | "safari";

export interface BrowserProfile {
  family: BrowserFamily;
  userAgent: string;
  /** Extra headers only this family sends (Chromium's client hints). */
  extra: Record<string, string>;
  language: string;
  /** What the browser accepts for a page load (each family has its own). */
  acceptPage: string;
}

type Random = () => number;

const pick = <T>(list: readonly T[], random: Random): T =>
  list[Math.min(list.length - 1, Math.floor(random() * list.length))] as T;

const LANGUAGES = [
  "en-US,en;q=0.9",
  "en-GB,en;q=0.9",
  "en-US,en;q=0.9,es;q=0.8",
  "de-DE,de;q=0.9,en;q=0.8",
  "fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7",
  "es-ES,es;q=0.9,en;q=0.7",
  "nl-NL,nl;q=0.9,en;q=0.8",
  "it-IT,it;q=0.9,en;q=0.8",
  "pt-BR,pt;q=0.9,en-US;q=0.8,en;q=0.7",
  "pl-PL,pl;q=0.9,en;q=0.8",
  "sv-SE,sv;q=0.9,en;q=0.8",
  "ja-JP,ja;q=0.9,en;q=0.8",
] as const;

/** Firefox writes the q-values its own way. */
const firefoxLanguage = (chromium: string) =>
  chromium
    .split(",")
    .map((part, i) => (i === 0 ? part : `${part.split(";")[0]};q=${Math.max(0.3, 1 - i * 0.2).toFixed(1)}`))
    .join(",");

const CHROMIUM_PLATFORMS = [
  { ua: "Windows NT 10.0; Win64; x64", hint: "Windows", mobile: false },
  { ua: "Macintosh; Intel Mac OS X 10_15_7", hint: "macOS", mobile: false },
  { ua: "X11; Linux x86_64", hint: "Linux", mobile: false },
  { ua: "Linux; Android 10; K", hint: "Android", mobile: true },
  { ua: "X11; CrOS x86_64 14541.0.0", hint: "Chrome OS", mobile: false },
] as const;

const FIREFOX_PLATFORMS = [
  "Windows NT 10.0; Win64; x64",
  "Macintosh; Intel Mac OS X 10.15",
  "X11; Linux x86_64",
  "X11; Ubuntu; Linux x86_64",
  "Android 14; Mobile",
] as const;

const SAFARI_PLATFORMS = [
  { ua: "Macintosh; Intel Mac OS X 10_15_7", mobile: false },
  { ua: "iPhone; CPU iPhone OS {{ios}} like Mac OS X", mobile: true },
  { ua: "iPad; CPU OS {{ios}} like Mac OS X", mobile: true },
] as const;

const CHROMIUM_PAGE_ACCEPT =
  "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";
const GECKO_PAGE_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

function chromium(family: "chrome" | "edge", random: Random): BrowserProfile {
  const major = 136 + Math.floor(random() * 7); // 136–142
  const platform = family === "edge" ? pick(CHROMIUM_PLATFORMS.slice(0, 2), random) : pick(CHROMIUM_PLATFORMS, random);
  const brand = family === "edge" ? "Microsoft Edge" : "Google Chrome";
  const grease = pick(['"Not_A Brand";v="99"', '"Not)A;Brand";v="8"', '"Not/A)Brand";v="24"'], random);
  const mobile = platform.mobile ? " Mobile" : "";
  const edge = family === "edge" ? ` Edg/${major}.0.0.0` : "";
  return {
    family,
    userAgent: `Mozilla/5.0 (${platform.ua}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0${mobile} Safari/537.36${edge}`,
    extra: {
      "sec-ch-ua": `"Chromium";v="${major}", "${brand}";v="${major}", ${grease}`,
      "sec-ch-ua-mobile": platform.mobile ? "?1" : "?0",
      "sec-ch-ua-platform": `"${platform.hint}"`,
    },
    language: pick(LANGUAGES, random),
    acceptPage: CHROMIUM_PAGE_ACCEPT,
  };
}

function firefox(random: Random): BrowserProfile {
  const major = 138 + Math.floor(random() * 8); // 138–145
  const platform = pick(FIREFOX_PLATFORMS, random);
  return {
    family: "firefox",
    userAgent: `Mozilla/5.0 (${platform}; rv:${major}.0) Gecko/20100101 Firefox/${major}.0`,
    extra: {},
    language: firefoxLanguage(pick(LANGUAGES, random)),
    acceptPage: GECKO_PAGE_ACCEPT,
  };
}

function safari(random: Random): BrowserProfile {
  const minor = Math.floor(random() * 7); // 18.0–18.6
  const platform = pick(SAFARI_PLATFORMS, random);
  const ua = platform.ua.replace("{{ios}}", `18_${minor}`);
  const mobile = platform.mobile ? " Mobile/15E148" : "";
  return {
    family: "safari",
    userAgent: `Mozilla/5.0 (${ua}) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.${minor}${mobile} Safari/${platform.mobile ? "604.1" : "605.1.15"}`,
    extra: {},
    language: pick(LANGUAGES, random).split(";")[0]?.split(",")[0] ?? "en-US",
    acceptPage: GECKO_PAGE_ACCEPT,
  };
}

/** A browser as a visitor might use it (family by rough market share, then version, platform, language). */
export function pickProfile(random: Random = Math.random): BrowserProfile {
  const x = random();
  if (x < 0.62) return chromium("chrome", random);
  if (x < 0.72) return chromium("edge", random);
  if (x < 0.8) return firefox(random);
  return safari(random);
}

export type RequestKind = "page" | "api";

export interface BrowserRequestOptions {
  /** Host header (the origin of `referer` and `origin` must agree with it). */
  host?: string;
  cookie?: string;
  /** The page this request is made from (a navigation's previous page, a fetch's page). */
  referer?: string;
  method?: string;
  /** The body's type, for requests that send one. */
  contentType?: string;
  /** Send the Accept-Encoding a browser sends (the caller must then decode gzip, deflate and br bodies). */
  acceptEncoding?: boolean;
}

/** Headers a browser with `profile` sends for a page load or a script's fetch of the API. */
export function browserHeaders(
  profile: BrowserProfile,
  kind: RequestKind,
  opts: BrowserRequestOptions = {},
): Record<string, string> {
  const h: Record<string, string> = { "user-agent": profile.userAgent, "accept-language": profile.language };
  const method = (opts.method ?? "GET").toUpperCase();
  if (kind === "page") {
    Object.assign(h, profile.extra);
    h.accept = profile.acceptPage;
    h["upgrade-insecure-requests"] = "1";
    h["sec-fetch-dest"] = "document";
    h["sec-fetch-mode"] = "navigate";
    h["sec-fetch-site"] = opts.referer ? "same-origin" : "none";
    h["sec-fetch-user"] = "?1";
    if (profile.family !== "safari") h.priority = "u=0, i";
  } else {
    Object.assign(h, profile.extra);
    h.accept = "*/*";
    h["sec-fetch-dest"] = "empty";
    h["sec-fetch-mode"] = "cors";
    h["sec-fetch-site"] = "same-origin";
    if (profile.family !== "safari") h.priority = "u=1, i";
  }
  if (opts.acceptEncoding)
    h["accept-encoding"] = profile.family === "safari" ? "gzip, deflate, br" : "gzip, deflate, br, zstd";
  if (opts.host) h.host = opts.host;
  if (opts.referer) h.referer = opts.referer;
  // Browsers send Origin with every request that is not a GET or HEAD, same-origin included.
  if (method !== "GET" && method !== "HEAD" && opts.host) h.origin = `http://${opts.host}`;
  if (opts.contentType) h["content-type"] = opts.contentType;
  if (opts.cookie) h.cookie = opts.cookie;
  return h;
}

/** The kind of request a browser makes for a path: pages are navigations, the rest are fetches. */
export function requestKind(path: string): RequestKind {
  return path.startsWith("/api/") || path.startsWith("/healthz") ? "api" : "page";
}
