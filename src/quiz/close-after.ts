// How long a question stays open when a schedule sets it: one rule for the command definition, the runner and
// rows read back from the database.

/**
 * At least a minute (a question closed at once could not be answered) and at most a week (longer would leave a
 * question open across several posts, and a huge number makes the close time an invalid date).
 */
export const closeAfterMinutesRange = { min: 1, max: 7 * 24 * 60 } as const;

/** A whole number of minutes inside `closeAfterMinutesRange`; anything else (−1, 0, "abc", 2^53) is not. */
export function isValidCloseAfterMinutes(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= closeAfterMinutesRange.min && value <= closeAfterMinutesRange.max;
}
