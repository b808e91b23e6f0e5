"use server";

import { revalidatePath } from "next/cache";
import { assignLevel } from "@/lib/assignments/assign-level";
import { parseAssignForm } from "@/lib/assignments/assign-schema";
import { cancelAssignment } from "@/lib/assignments/cancel-assignment";
import { guardAction } from "@/server/auth/guard";
import { type FormState, formValues } from "@/lib/forms/form-state";
import { runForm } from "@/server/forms/run-form";

export async function assignLevelAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await guardAction("assignLevelAction");
  // The people chosen come back as one comma-joined value, so a refused form keeps them ticked.
  const values = {
    ...formValues(form),
    userIds: form
      .getAll("userIds")
      .filter((v): v is string => typeof v === "string")
      .join(","),
  };
  return runForm(values, async () => {
    const { assignmentIds } = await assignLevel(actor, parseAssignForm(form));
    revalidatePath("/assignments");
    revalidatePath("/people/[id]", "page");
    const n = assignmentIds.length;
    return { message: `Assigned to ${n} ${n === 1 ? "person" : "people"}.` };
  });
}

export async function cancelAssignmentAction(_prev: FormState, form: FormData): Promise<FormState> {
  const actor = await guardAction("cancelAssignmentAction");
  const values = formValues(form);
  return runForm(values, async () => {
    await cancelAssignment(actor, values.assignmentId ?? "");
    revalidatePath("/assignments");
    revalidatePath("/people/[id]", "page");
    return { message: "Withdrawn." };
  });
}
