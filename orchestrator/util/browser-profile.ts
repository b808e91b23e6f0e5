/**
 * Request headers as real browsers send them, so neither the mock client nor a
 * check carries a marker a proxy could answer differently: a user agent picked
 * from current browsers, the Accept headers that browser sends for a page or for
 * a fetch, a language, and the visitor's cookies.
 */
export interface BrowserProfile {
  userAgent: string;
  /** Extra headers only this family sends (Chrome's client hints). */
  extra: Record<string, string>;
  language: string;
}

const CHROME_HINTS = (platform: string, mobile: boolean) => ({
  "sec-ch-ua": '"Chromium";v="142", "Google Chrome";v="142", "Not_A Brand";v="99"',
  "sec-ch-ua-mobile": mobile ? "?1" : "?0",
  "sec-ch-ua-platform": `"${platform}"`,
});

export const PROFILES: readonly BrowserProfile[] = [
  {
    userAgent:
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36",
    extra: CHROME_HINTS("Windows", false),
    language: "en-US,en;q=0.9",
  },
  {
    userAgent:
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36",
    extra: CHROME_HINTS("macOS", false),
    language: "en-GB,en;q=0.9",
  },
  {
    userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36",
    extra: CHROME_HINTS("Linux", false),
    language: "de-DE,de;q=0.9,en;q=0.8",
  },
  {
    userAgent:
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Mobile Safari/537.36",
    extra: CHROME_HINTS("Android", true),
    language: "es-ES,es;q=0.9,en;q=0.7",
  },
  {
    userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:144.0) Gecko/20100101 Firefox/144.0",
    extra: {},
    language: "fr-FR,fr;q=0.8,en-US;q=0.5,en;q=0.3",
  },
  {
    userAgent: "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:143.0) Gecko/20100101 Firefox/143.0",
    extra: {},
    language: "en-US,en;q=0.5",
  },
  {
    userAgent:
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Safari/605.1.15",
    extra: {},
    language: "en-US,en;q=0.9",
  },
  {
    userAgent:
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1",
    extra: {},
    language: "nl-NL,nl;q=0.9",
  },
  {
    userAgent:
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.0.0",
    extra: {
      ...CHROME_HINTS("Windows", false),
      "sec-ch-ua": '"Chromium";v="142", "Microsoft Edge";v="142", "Not_A Brand";v="99"',
    },
    language: "en-US,en;q=0.9",
  },
];

export function pickProfile(random: () => number = Math.random): BrowserProfile {
  return PROFILES[Math.floor(random() * PROFILES.length)] ?? (PROFILES[0] as BrowserProfile);
}

export type RequestKind = "page" | "api";

/** Headers a browser with `profile` sends for a page load or a script's fetch of the API. */
export function browserHeaders(
  profile: BrowserProfile,
  kind: RequestKind,
  opts: { host?: string; cookie?: string; referer?: string } = {},
): Record<string, string> {
  const h: Record<string, string> = {
    "user-agent": profile.userAgent,
    "accept-language": profile.language,
    ...profile.extra,
  };
  if (kind === "page") {
    h.accept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
    h["upgrade-insecure-requests"] = "1";
    h["sec-fetch-dest"] = "document";
    h["sec-fetch-mode"] = "navigate";
    h["sec-fetch-site"] = opts.referer ? "same-origin" : "none";
  } else {
    h.accept = "application/json, text/plain, */*";
    h["sec-fetch-dest"] = "empty";
    h["sec-fetch-mode"] = "cors";
    h["sec-fetch-site"] = "same-origin";
  }
  if (opts.host) h.host = opts.host;
  if (opts.referer) h.referer = opts.referer;
  if (opts.cookie) h.cookie = opts.cookie;
  return h;
}

/** The kind of request a browser makes for a path: pages are navigations, the rest are fetches. */
export function requestKind(path: string): RequestKind {
  return path.startsWith("/api/") || path.startsWith("/healthz") ? "api" : "page";
}
