/** The ✕ beside a row of an editable list (a hypothesis, a timeline entry, an action item). */
import { Button } from "../Button";

export function RemoveRowButton({ label, onRemove }: { label: string; onRemove: () => void }) {
  return (
    <Button variant="ghost" size="sm" aria-label={label} onClick={onRemove}>
      ✕
    </Button>
  );
}
