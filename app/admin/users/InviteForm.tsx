"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/Button";
import { Field, type Option } from "@/components/Field";
import { FormMessage } from "@/components/FormMessage";
import { SubmitButton } from "@/components/SubmitButton";
import { IDLE } from "@/lib/forms/form-state";
import { RoleAndTeamFields } from "./RoleAndTeamFields";
import { inviteUserAction } from "./actions";

export function InviteForm({ roles, teams }: { roles: readonly Option[]; teams: readonly Option[] }) {
  const [state, action] = useActionState(inviteUserAction, IDLE);
  const [copied, setCopied] = useState(false);
  const v = state.values;
  const link = state.status === "ok" ? state.data?.link : undefined;
  return (
    <div className="space-y-4">
      <form
        action={action}
        noValidate
        className="space-y-4"
        aria-describedby="invite-message"
        onSubmit={() => setCopied(false)}
      >
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          required
          defaultValue={v.email ?? ""}
          error={state.fields?.email}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <RoleAndTeamFields state={state} roles={roles} teams={teams} />
        </div>
        <FormMessage id="invite-message" status={state.status} message={state.message} />
        <SubmitButton pendingLabel="Creating invite…">Create invite link</SubmitButton>
      </form>
      {link && (
        <div className="rounded-md border border-ember-600/30 bg-ember-50 p-3">
          <label htmlFor="invite-link" className="block text-sm font-medium text-slate-800">
            Invite link (valid for 7 days, works once)
          </label>
          <div className="mt-2 flex gap-2">
            <input
              id="invite-link"
              readOnly
              value={link}
              onFocus={(e) => e.currentTarget.select()}
              className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs text-slate-800"
            />
            <Button
              variant="secondary"
              onClick={() => {
                void navigator.clipboard?.writeText(link).then(() => setCopied(true));
              }}
            >
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
