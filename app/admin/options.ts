/** Select options the admin forms share. */
import { type Option } from "@/components/Field";
import { ROLES, ROLE_LABEL } from "@/lib/auth/permissions";

export const ROLE_OPTIONS: Option[] = ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }));

export function teamOptions(teams: { id: string; name: string }[], none = "No team"): Option[] {
  return [{ value: "", label: none }, ...teams.map((t) => ({ value: t.id, label: t.name }))];
}
