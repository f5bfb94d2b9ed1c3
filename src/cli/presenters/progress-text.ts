/** The text of a long command's progress: count, rate and time left, or "starting" before any rate. */

/**
 * `done/total`, the rate so far and the time left at that rate. Before anything is done there is
 * no rate to tell the time left from, so it says so instead of promising "0 s left".
 *
 * @example progressText(1000, 6412, 2, 'cables') // '1000/6412 500 cables/s, 11 s left'
 * @example progressText(0, 6412, 0.3, 'cables') // '0/6412 starting…'
 */
export function progressText(done: number, total: number, seconds: number, unit: string): string {
  if (done <= 0 || seconds <= 0) return `${done}/${total} starting…`;
  const rate = done / seconds;
  return `${done}/${total} ${Math.round(rate)} ${unit}/s, ${formatDuration((total - done) / rate)} left`;
}

/**
 * Whole seconds, rounded up, as `N s` or `M min S s`.
 *
 * @example formatDuration(119.5) // '2 min 0 s'
 */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  if (whole < 60) return `${whole} s`;
  return `${Math.floor(whole / 60)} min ${whole % 60} s`;
}
