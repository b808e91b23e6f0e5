/** The web UI: product list and search, sign-up with today's new users, file upload. */
import { escapeHtml, layout } from "../html";
import { intParam, sendHtml } from "../http-util";
import type { Handler } from "../server";
import { findProducts } from "./products";
import { findTodaysUsers } from "./users";

export const homePage: Handler = async (ctx, _req, res, url) => {
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const page = intParam(url.searchParams.get("page"), 1, 1, 100_000);
  const result = await findProducts(ctx, q, page);
  const rows = result.items
    .map(
      (p) =>
        `<tr><td>${escapeHtml(p.sku)}</td><td>${escapeHtml(p.name)}</td><td>${escapeHtml(p.brand)}</td>` +
        `<td>${(Number(p.price_cents) / 100).toFixed(2)}</td><td>${escapeHtml(p.stock)}</td></tr>`,
    )
    .join("\n");
  const link = (n: number) => `/?q=${encodeURIComponent(q)}&page=${n}`;
  const body = `<form action="/"><input name="q" value="${escapeHtml(q)}" placeholder="Search products"> <button>Search</button></form>
<p class="muted">${result.total} products · page ${result.page} of ${Math.max(1, result.pages)}
 ${page > 1 ? `<a href="${link(page - 1)}">previous</a>` : ""} ${page < result.pages ? `<a href="${link(page + 1)}">next</a>` : ""}</p>
<table><tr><th>SKU</th><th>Name</th><th>Brand</th><th>Price</th><th>Stock</th></tr>
${rows}</table>`;
  sendHtml(res, 200, layout(q ? `Products matching “${q}”` : "Products", body));
};

export const signupPage: Handler = async (ctx, _req, res) => {
  const { date, users } = await findTodaysUsers(ctx);
  const list = users
    .map((u) => `<li>${escapeHtml(u.name)} <span class="muted">${escapeHtml(u.email)}</span></li>`)
    .join("\n");
  const body = `<form id="signup"><input name="name" placeholder="Name" required> <input name="email" type="email" placeholder="Email" required>
<button>Sign up</button> <span id="status" class="muted"></span></form>
<h2>New users on ${escapeHtml(date)}</h2>
<ul>${list || '<li class="muted">nobody yet today</li>'}</ul>`;
  const script = `document.getElementById('signup').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = new FormData(e.target);
  const res = await fetch('/api/users', { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: form.get('name'), email: form.get('email') }) });
  const data = await res.json();
  document.getElementById('status').textContent = data.user ? 'Welcome, ' + data.user.name + '!' : data.error;
  if (data.user) setTimeout(() => location.reload(), 800);
});`;
  sendHtml(res, 200, layout("Sign up", body, script));
};

export const uploadPage: Handler = async (_ctx, _req, res) => {
  const body = `<form id="upload"><input type="file" name="file" required> <button>Upload</button></form>
<p id="result" class="muted"></p>`;
  // Shows the stored file once the JSON reply arrives.
  const script = `document.getElementById('upload').addEventListener('submit', (e) => {
  e.preventDefault();
  const file = e.target.file.files[0];
  fetch('/api/uploads', { method: 'POST', headers: { 'x-filename': file.name }, body: file })
    .then((res) => res.json())
    .then((data) => { document.getElementById('result').textContent = 'Stored ' + data.upload.filename + ' (' + data.upload.size_bytes + ' bytes)'; });
});`;
  sendHtml(res, 200, layout("Upload a file", body, script));
};
