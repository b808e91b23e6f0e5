"use client";

import { signIn } from "next-auth/react";
import { type FormEvent, useRef, useState } from "react";
import { Button } from "@/components/Button";
import { Field } from "@/components/Field";
import { FormMessage } from "@/components/FormMessage";
import { credentialsErrorMessage } from "./messages";

export function SignInForm({
  initialEmail,
  initialError,
  notice,
  callbackUrl,
  sso,
}: {
  initialEmail: string;
  initialError: string | undefined;
  notice: string | undefined;
  callbackUrl: string;
  sso: { name: string } | null;
}) {
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState("");
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError(undefined);
    try {
      const res = await signIn("credentials", { email, password, redirect: false });
      if (!res || res.error) {
        setError(credentialsErrorMessage(res?.error ?? "Sign-in failed. Try again."));
        setPassword("");
        passwordRef.current?.focus();
        setPending(false);
        return;
      }
      // A full load, so every server component sees the new cookie.
      window.location.assign(callbackUrl);
    } catch {
      setError("Couldn't reach Firedrill. Check your connection and try again.");
      setPending(false);
    }
  }

  return (
    <div className="mt-6 space-y-5">
      <FormMessage id="signin-message" status={error ? "error" : notice ? "ok" : "idle"} message={error ?? notice} />
      <form onSubmit={(e) => void submit(e)} className="space-y-4" noValidate aria-describedby="signin-message">
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus={!initialEmail}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <Field
          ref={passwordRef}
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          autoFocus={Boolean(initialEmail)}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {sso && (
        <>
          <div className="flex items-center gap-3 text-xs text-slate-500" aria-hidden="true">
            <span className="h-px flex-1 bg-slate-200" /> or <span className="h-px flex-1 bg-slate-200" />
          </div>
          <Button variant="secondary" className="w-full" onClick={() => void signIn("oidc", { callbackUrl })}>
            Sign in with {sso.name}
          </Button>
        </>
      )}
    </div>
  );
}
