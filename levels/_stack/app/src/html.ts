/** Server-rendered HTML: one layout, escaping, nothing else. */

export function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function layout(title: string, body: string, script = ""): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · Shop</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
 body{font-family:system-ui,sans-serif;max-width:56rem;margin:1.5rem auto;padding:0 1rem;color:#222}
 nav a{margin-right:1rem} table{border-collapse:collapse;width:100%} td,th{padding:.3rem .5rem;border-bottom:1px solid #ddd;text-align:left}
 .muted{color:#777} form{margin:1rem 0} input{padding:.3rem}
</style></head>
<body><nav><a href="/">Products</a><a href="/signup">Sign up</a><a href="/upload">Upload</a></nav>
<h1>${escapeHtml(title)}</h1>
${body}
${script ? `<script>${script}</script>` : ""}
</body></html>`;
}
