/**
 * next-auth configuration: JWT sessions whose token carries only `sid`, the id
 * of a Session row checked on every request (see resolve-session.ts).
 * Credentials always; OIDC when OIDC_ISSUER/CLIENT_ID/CLIENT_SECRET are set.
 */
import "server-only";
import { type NextAuthOptions } from "next-auth";
import { cookies } from "next/headers";
import { type OAuthConfig } from "next-auth/providers/oauth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "../../lib/db/client";
import { type Env, env } from "../../lib/env";
import { isAppError } from "../../lib/errors";
import { createSession } from "../../lib/sessions/create-session";
import { notifyRevocation } from "../../lib/sessions/notify-revocation";
import { authenticateCredentials } from "../../lib/sessions/authenticate-credentials";
import { clientIp } from "../../lib/auth/client-ip";
import { DEVICE_COOKIE, DEVICE_DAYS, cookieFromHeader } from "../../lib/auth/known-device";
import { linkOidcAccount } from "../../lib/auth/link-oidc-account";
import { signInLimits } from "../../lib/auth/rate-limit";
import { sessionMaxAgeSeconds } from "./session-token";

export const OIDC_PROVIDER_ID = "oidc";

interface OidcProfile {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  preferred_username?: string;
}

export function oidcEnabled(e: Env = env()): boolean {
  return Boolean(e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET);
}

function oidcProvider(e: Env): OAuthConfig<OidcProfile> {
  return {
    id: OIDC_PROVIDER_ID,
    name: e.OIDC_NAME,
    type: "oauth",
    wellKnown: `${e.OIDC_ISSUER!.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile: (p) => ({ id: p.sub, email: p.email ?? null, name: p.name ?? p.preferred_username ?? p.email ?? null }),
  };
}

/** Sets the known-device cookie on the sign-in response (route handlers may set cookies). */
async function rememberDevice(value: string, e: Env): Promise<void> {
  (await cookies()).set(DEVICE_COOKIE, value, {
    httpOnly: true,
    sameSite: "lax",
    secure: e.NEXTAUTH_URL.startsWith("https://"),
    // Only sign-in needs it.
    path: "/api/auth",
    maxAge: DEVICE_DAYS * 86_400,
  });
}

export function authOptions(): NextAuthOptions {
  const e = env();
  return {
    secret: e.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds() },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          try {
            const { actor, sessionId, deviceCookie } = await authenticateCredentials(
              db,
              {
                email: credentials?.email,
                password: credentials?.password,
                ip: clientIp(req.headers),
                userAgent: typeof req.headers?.["user-agent"] === "string" ? req.headers["user-agent"] : null,
                deviceCookie: cookieFromHeader(req.headers?.cookie, DEVICE_COOKIE),
              },
              { limits: signInLimits(e), sessionDays: e.SESSION_DAYS, deviceSecret: e.NEXTAUTH_SECRET },
            );
            await rememberDevice(deviceCookie, e);
            return { id: actor.id, email: actor.email, name: actor.name, sid: sessionId };
          } catch (err) {
            // next-auth hands a thrown message to the sign-in form; never leak an unexpected one.
            if (isAppError(err)) throw new Error(err.message);
            console.error("sign-in failed", err);
            throw new Error("Sign-in is unavailable right now. Try again shortly.");
          }
        },
      }),
      ...(oidcEnabled(e) ? [oidcProvider(e)] : []),
    ],
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const p = profile as OidcProfile | undefined;
        const result = await linkOidcAccount(db, {
          provider: OIDC_PROVIDER_ID,
          providerAccountId: account.providerAccountId,
          email: p?.email,
          emailVerified: p?.email_verified,
          name: p?.name,
        });
        return "error" in result ? `/signin?error=${result.error}` : true;
      },
      async jwt({ token, user, account }) {
        if (!user) return token; // an existing session: the sid is checked per request, not here
        let sid = user.sid;
        if (!sid && account?.provider === OIDC_PROVIDER_ID) {
          const link = await db.account.findUnique({
            where: {
              provider_providerAccountId: { provider: OIDC_PROVIDER_ID, providerAccountId: account.providerAccountId },
            },
            select: { userId: true },
          });
          if (link) sid = (await createSession(db, { userId: link.userId, days: e.SESSION_DAYS })).id;
        }
        // A minimal token: nothing in it goes stale when an admin changes the user.
        return sid ? { sid } : {};
      },
      session({ session }) {
        // The app reads the user from the Session row (getCurrentUser), not from here.
        return { expires: session.expires };
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sid) {
          await db.session.updateMany({ where: { id: token.sid, revokedAt: null }, data: { revokedAt: new Date() } });
          // Signing out also ends this browser's terminals and app pages.
          await notifyRevocation({ sessions: [token.sid] });
        }
      },
    },
  };
}
