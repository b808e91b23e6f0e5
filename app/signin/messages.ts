/** Sign-in messages. Codes in the URL map to fixed text, so a crafted link cannot put words on the page. */
const BY_CODE: Record<string, string> = {
  CredentialsSignin: "Wrong email or password.",
  NoAccount: "No Firedrill account uses that email. Ask an admin for an invite.",
  AccountDisabled: "This account is disabled. Ask an admin to re-enable it.",
  EmailUnverified: "Your identity provider has not verified that email address.",
  AccessDenied: "You can't sign in with that account.",
  SessionRequired: "Sign in to continue.",
};

export function signInErrorMessage(code: string): string {
  return BY_CODE[code] ?? "Sign-in failed. Try again, or use your email and password.";
}

/**
 * Errors from our own credentials check arrive as their message text (next-auth
 * passes it through); those are ours, so show them, but map the known codes.
 */
export function credentialsErrorMessage(error: string): string {
  return BY_CODE[error] ?? error;
}

/** Only same-site paths, never `//host` or a full URL. */
export function safeCallbackUrl(value: string | undefined): string | undefined {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return undefined;
  return value;
}
