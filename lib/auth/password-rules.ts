/** Rules for a new password, shared by every form that sets one (browser-safe: no crypto here). */
export const PASSWORD_MIN_LENGTH = 10;
