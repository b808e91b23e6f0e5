import type { Role } from "@prisma/client";

/** The signed-in user a request acts as. Every use-case takes one and checks it. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  /** The Session row this request came through (absent when a use-case is called from a script). */
  sessionId?: string;
}
