import type { Clock } from '../core/clock';

/**
 * A line as Go's standard `log` package writes it with its default flags (LstdFlags): the local
 * date and time (UTC in a container), a space, the message, one newline.
 * Source: go/src/log/log.go (formatHeader, Output).
 */
export function goLogLine(clock: Clock, message: string): string {
  return `${slashDateTime(clock)} ${message.endsWith('\n') ? message : `${message}\n`}`;
}

/** The local date and time (UTC in a container) as Go's log package and nginx's error log write it: `2026/01/01 00:00:02`. */
export function slashDateTime(clock: Clock): string {
  const iso = new Date(clock.epochMs + clock.now).toISOString();
  return `${iso.slice(0, 10).replaceAll('-', '/')} ${iso.slice(11, 19)}`;
}
