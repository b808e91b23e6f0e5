import { Prisma } from "@prisma/client";
import { z } from "zod";
import { type Actor } from "../auth/actor";
import { assertAllowed } from "../auth/assert-can";
import { hashPassword } from "../auth/password";
import { AppError } from "../errors";
import { EmailSchema, NameSchema, OptionalIdSchema, PasswordSchema, RoleSchema } from "./schemas";
import { defaultDeps, type Deps } from "../core/deps";

export const CreateUserSchema = z.object({
  email: EmailSchema,
  name: NameSchema,
  role: RoleSchema,
  password: PasswordSchema,
  teamId: OptionalIdSchema,
});
export type CreateUserInput = z.infer<typeof CreateUserSchema>;

/** An admin creates an account with a password they hand over. */
export async function createUser(actor: Actor, input: CreateUserInput, deps: Deps = defaultDeps()) {
  const { db } = deps;
  assertAllowed(actor, "admin");
  const data = input;
  if (data.teamId && !(await db.team.findUnique({ where: { id: data.teamId }, select: { id: true } }))) {
    throw new AppError("INVALID_INPUT", "That team no longer exists.", { teamId: "Choose another team" });
  }
  const passwordHash = await hashPassword(data.password);
  try {
    return await db.user.create({
      data: { email: data.email, name: data.name, role: data.role, teamId: data.teamId, passwordHash },
      select: { id: true, email: true, name: true, role: true },
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      throw new AppError("CONFLICT", "Someone already has that email.", { email: "Already in use" });
    }
    throw err;
  }
}
