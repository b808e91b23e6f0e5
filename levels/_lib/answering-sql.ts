/**
 * The check's observations with one change: a query the database fails to answer (an I/O error,
 * a timeout on a busy host) means the check could not judge, never "not fixed". The queries are
 * the check's own and valid; the original error stays as the cause (e.g. a lock timeout, 55P03).
 */
import { CannotJudge, type Observe } from "../_sdk";

export function sqlErrorCode(err: unknown): string | undefined {
  const cause = err instanceof CannotJudge ? err.cause : err;
  return (cause as { code?: string } | undefined)?.code;
}

export function answeringSql(observe: Observe): Observe {
  const wrapped = Object.create(observe) as Observe;
  wrapped.sql = (text, values) =>
    observe.sql(text, values).catch((err: unknown) => {
      if (err instanceof CannotJudge) throw err;
      throw new CannotJudge(`the database did not answer the check (${(err as Error).message})`, { cause: err });
    });
  return wrapped;
}
