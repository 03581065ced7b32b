/**
 * What BusyBox's ping and iputils' ping share: the options the simulator takes (`-q`, `-c COUNT`,
 * `-W SEC`, `-w SEC`, one host), parsed as getopt does (`-c3`, `-qc 3`), and how both print a time
 * in ms from µs. Each ping words its own errors.
 */
export interface PingOptions {
  quiet: boolean;
  count: number;
  waitSeconds: number;
  deadlineSeconds: number;
  host?: string;
}

/** A ping's own wording of what is wrong with its arguments. */
export interface PingMessages {
  /** A second host, or none. */
  usage: string;
  invalidOption(flag: string): string;
  missingArgument(flag: string): string;
  /** The message for a bad value, undefined when the value is good. */
  invalidValue(flag: string, value: string): string | undefined;
}

/** Parses ping's arguments; a string is the message to print (exit code as the caller's ping says). */
export function parsePingArgs(args: string[], defaultWaitSeconds: number, say: PingMessages): PingOptions | string {
  const o: PingOptions = { quiet: false, count: 0, waitSeconds: defaultWaitSeconds, deadlineSeconds: 0 };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-') || a === '-') {
      if (o.host !== undefined) return say.usage;
      o.host = a;
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const f = a[j];
      if (f === 'q') {
        o.quiet = true;
        continue;
      }
      if (f !== 'c' && f !== 'W' && f !== 'w') return say.invalidOption(f);
      const value = a.slice(j + 1) || args[++i];
      if (value === undefined) return say.missingArgument(f);
      const bad = say.invalidValue(f, value);
      if (bad !== undefined) return bad;
      if (f === 'c') o.count = Number(value);
      else if (f === 'W') o.waitSeconds = Number(value);
      else o.deadlineSeconds = Number(value);
      break;
    }
  }
  return o.host === undefined ? say.usage : o;
}

/** `%u.%03u` ms from µs, as both print a round trip. */
export function millis(us: number): string {
  return `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')}`;
}
