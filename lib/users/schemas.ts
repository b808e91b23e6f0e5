/** Input schemas shared by the people use-cases and their forms. */
import { z } from "zod";
import { ROLES } from "../auth/permissions";
import { PASSWORD_MIN_LENGTH } from "../auth/password-rules";

export const EmailSchema = z.string().trim().toLowerCase().max(320).pipe(z.email("Enter a valid email address"));
export const NameSchema = z.string().trim().min(1, "Enter a name").max(100, "Keep it under 100 characters");
export const RoleSchema = z.enum(ROLES, "Choose a role");
export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200, "Keep it under 200 characters");
/** An optional id from a <select>, where "" means none. */
export const OptionalIdSchema = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : null));
