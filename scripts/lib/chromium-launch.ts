/**
 * How every browser test launches Debian's Chromium on this closed network: without the
 * background-networking flags, Chromium's own connections are refused and a page's requests
 * can queue behind them. Shared by playwright.config.ts and tests that launch Chromium directly.
 */
export const CHROMIUM_LAUNCH = {
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
  ],
};
