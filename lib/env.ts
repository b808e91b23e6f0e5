/**
 * The web app's environment, validated once at start. A bad or missing variable
 * stops the start with a message naming it (next.config.js imports this too,
 * so a bad variable also fails the build).
 */
import "server-only";
import { z } from "zod";
import { proxyListError } from "./config/trusted-proxies";

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL"),
    /** Signs session JWTs. */
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
    NEXTAUTH_URL: z.url().default("http://localhost:3000"),
    /** Shared with the orchestrator: bearer for its API and key for terminal tokens. */
    ORCHESTRATOR_SECRET: z.string().min(32, "must be at least 32 characters"),
    ORCHESTRATOR_URL: z.url().default("http://127.0.0.1:4100"),
    /** Where browsers reach the orchestrator's sockets and app proxy. */
    ORCHESTRATOR_PUBLIC_URL: z.url().default("http://localhost:4100"),
    /** Optional OIDC sign-in: all three or none. */
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_NAME: z.string().default("SSO"),
    /**
     * Sign-in throttle (lib/auth/rate-limit.ts): free failures per address-and-account pair in the
     * window before growing delays; ×4 per address across accounts; ×10 per account from unknown devices.
     */
    SIGNIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
    SIGNIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
    /** Extra origins (comma-separated) whose pages may open the live socket; NEXTAUTH_URL's origin always may. */
    LIVE_ALLOWED_ORIGINS: z.string().default(""),
    SESSION_DAYS: z.coerce.number().int().positive().default(7),
    /** Certification (lib/certification/rule.ts): only certification-mode attempts count; a pass lasts this long. */
    CERT_REQUIRE_CERT_MODE: z.enum(["on", "off", "true", "false", "1", "0", "yes", "no"]).default("on"),
    CERT_VALID_DAYS: z.coerce.number().int().min(1).max(3650).default(183),
    /**
     * Proxies (comma-separated addresses or CIDR ranges) whose X-Forwarded-For is believed. Default
     * none: the client address is the socket's, whatever a client writes in forwarding headers.
     */
    TRUSTED_PROXIES: z
      .string()
      .default("")
      .superRefine((v, ctx) => {
        const message = proxyListError(v);
        if (message) ctx.addIssue({ code: "custom", message });
      }),
  })
  .superRefine((env, ctx) => {
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({
        code: "custom",
        path: ["OIDC_ISSUER"],
        message: "OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together",
      });
    }
  });

export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new Error(`Invalid environment variables:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
