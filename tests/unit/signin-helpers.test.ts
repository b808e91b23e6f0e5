import assert from "node:assert/strict";
import { test } from "node:test";
import { credentialsErrorMessage, safeCallbackUrl, signInErrorMessage } from "../../app/signin/messages";
import { clientIp } from "../../lib/auth/client-ip";
import { formValues } from "../../lib/forms/form-state";

test("sign-in errors in the URL map to fixed text; unknown codes get a generic message", () => {
  assert.equal(signInErrorMessage("CredentialsSignin"), "Wrong email or password.");
  assert.equal(signInErrorMessage("NoAccount"), "No Firedrill account uses that email. Ask an admin for an invite.");
  assert.equal(
    signInErrorMessage("<b>Call 555-SCAM</b>"),
    "Sign-in failed. Try again, or use your email and password.",
  );
  assert.equal(
    credentialsErrorMessage("Too many attempts, try again in 3 minutes."),
    "Too many attempts, try again in 3 minutes.",
  );
});

test("callback URLs are same-site paths only", () => {
  assert.equal(safeCallbackUrl("/admin/users"), "/admin/users");
  for (const bad of [
    undefined,
    "",
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
  ]) {
    assert.equal(safeCallbackUrl(bad), undefined, String(bad));
  }
});

test("the client address is the one the web server settled (X-Forwarded-For), else unknown; X-Real-IP is ignored", () => {
  assert.equal(clientIp({ "x-forwarded-for": "203.0.113.7" }), "203.0.113.7");
  assert.equal(clientIp({ "x-real-ip": "198.51.100.2" }), "unknown");
  assert.equal(clientIp({}), "unknown");
  assert.equal(clientIp(undefined), "unknown");
});

test("forms keep what was typed but never echo passwords", () => {
  const form = new FormData();
  form.set("email", "pat@example.com");
  form.set("password", "hunter22hunter22");
  form.set("confirm", "hunter22hunter22");
  form.set("$ACTION_ID_abc", "");
  assert.deepEqual(formValues(form), { email: "pat@example.com" });
});
