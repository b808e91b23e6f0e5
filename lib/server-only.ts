/**
 * What `import "server-only"` resolves to outside Next. The mark goes on modules that touch the
 * database or secrets. Inside Next, Next's own alias serves the specifier (empty on the server; in a
 * Client Component's graph the build fails). Everywhere else (node --test, scripts/web-server.ts,
 * scripts) tsconfig.json's `paths` bring this file instead of the npm package, whose default export
 * throws under plain Node (it has no react-server condition). It still refuses to run in a browser.
 */
if (typeof window !== "undefined") throw new Error("A server-only module was loaded in the browser.");

export {};
