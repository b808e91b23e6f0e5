/** Page-side mapping of the attempt use-cases' errors: not found → 404, refused → 403. */
import { forbidden, notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";

export async function orPageError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (isAppError(err) && err.code === "NOT_FOUND") notFound();
    if (isAppError(err) && err.code === "FORBIDDEN") forbidden();
    throw err;
  }
}
