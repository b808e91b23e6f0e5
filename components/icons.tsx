/**
 * Small inline SVG icons: they render the same everywhere, where an emoji
 * shows as an empty box on machines whose fonts lack it. Decorative (the text
 * next to them says what they mean).
 */
const base = {
  "aria-hidden": true,
  focusable: false,
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 2,
  strokeLinecap: "round",
  strokeLinejoin: "round",
  viewBox: "0 0 24 24",
} as const;

/** A light bulb: a facilitator's hint. */
export function HintIcon({ className = "mt-0.5 h-4 w-4 shrink-0" }: { className?: string }) {
  return (
    <svg {...base} className={className} data-icon="hint">
      <path d="M9 18h6M10 21h4" />
      <path d="M12 3a6 6 0 0 0-3.6 10.8c.6.5 1 1.2 1.1 2V16h5v-.2c.1-.8.5-1.5 1.1-2A6 6 0 0 0 12 3Z" />
    </svg>
  );
}

/** A medal: certified on-call ready. */
export function MedalIcon({ className = "h-7 w-7" }: { className?: string }) {
  return (
    <svg {...base} className={className} data-icon="medal">
      <path d="M7 3h4l1 5M17 3h-4l-1 5" />
      <circle cx="12" cy="14" r="6" />
      <path d="m12 11 1 2 2 .3-1.5 1.4.4 2.1-1.9-1-1.9 1 .4-2.1L9 13.3l2-.3Z" />
    </svg>
  );
}
