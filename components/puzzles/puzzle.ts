/**
 * A debugging puzzle (the Debugging chapter, claim C17): a broken cluster, a goal the engine
 * checks, the checklist revealed one step at a time, and what the fix was. Plain data, read from
 * sim/scenarios/debugging/NAME/puzzle.yaml at build time; no engine code, so an island holds it
 * before the engine loads.
 */
import { parse } from 'yaml';

/** A command the goal runs in a Pod with `sh -c`, and how many runs must succeed (exit 0). */
export interface GoalCheck {
  /** A Pod name, or a label selector (`app=client`) for the newest Ready Pod it selects. */
  from: string;
  /** A shell command line, run as `kubectl exec POD -- sh -c RUN` would. */
  run: string;
}

export interface Goal extends GoalCheck {
  /** The goal in words, as the reader sees it. */
  text: string;
  /** The namespace of `from` (and of `blocked`): default unless said. */
  namespace: string;
  /** How many runs in a row must succeed. */
  count: number;
  /** Commands that must still fail, so that removing a protection is not a fix. */
  blocked: GoalCheck[];
}

/** One step of the checklist, in the chapter's order. */
export interface ChecklistStep {
  step: string;
  question: string;
  /** Console commands that answer the question. */
  try: string[];
  /** What to look for in their output. */
  look: string;
}

export interface Puzzle {
  title: string;
  /** What the reader is told about the symptom. */
  story: string;
  /** The namespace the reader's widgets look at. */
  namespace: string;
  /** Commands the scenario runs after applying its manifests, at virtual instants (ms). */
  setup: { at: number; command: string }[];
  /** Virtual time at which the reader finds the cluster (ms). */
  time: number;
  goal: Goal;
  /** The checklist step that finds the fault. */
  fault: string;
  /** Replacement commands for some steps (another namespace, another Pod). */
  tries: Record<string, string[]>;
  /** The last hint, after the checklist steps. */
  hint: string;
  /** What was wrong and why the fix works: said when the goal holds. */
  fix: string;
}

/** Reads a puzzle.yaml, filling the defaults; throws naming a missing field. */
export function parsePuzzle(text: string, name: string): Puzzle {
  const raw = (parse(text) ?? {}) as Record<string, unknown> & { goal?: Record<string, unknown> };
  for (const field of ['title', 'story', 'goal', 'fault', 'hint', 'fix']) {
    if (raw[field] === undefined) throw new Error(`puzzle ${name}: missing ${field}`);
  }
  const goal = raw.goal!;
  for (const field of ['text', 'from', 'run', 'count']) {
    if (goal[field] === undefined) throw new Error(`puzzle ${name}: missing goal.${field}`);
  }
  return {
    title: String(raw.title),
    story: String(raw.story),
    namespace: String(raw.namespace ?? 'default'),
    setup: (raw.setup as Puzzle['setup'] | undefined) ?? [],
    time: Number(raw.time ?? 30_000),
    goal: {
      text: String(goal.text),
      namespace: String(goal.namespace ?? 'default'),
      from: String(goal.from),
      run: String(goal.run),
      count: Number(goal.count),
      blocked: (goal.blocked as GoalCheck[] | undefined) ?? [],
    },
    fault: String(raw.fault),
    tries: (raw.tries as Record<string, string[]> | undefined) ?? {},
    hint: String(raw.hint),
    fix: String(raw.fix),
  };
}

export function parseChecklist(text: string): ChecklistStep[] {
  return parse(text) as ChecklistStep[];
}

/** One hint the reader can reveal: a checklist step, or the puzzle's own last hint. */
export interface Hint {
  title: string;
  text: string;
  try: string[];
}

/**
 * The puzzle's hints in order: the checklist from its start up to the step that finds the fault
 * (with the puzzle's own commands where it gives them), then the puzzle's last hint.
 */
export function hintsFor(puzzle: Puzzle, checklist: ChecklistStep[]): Hint[] {
  const last = checklist.findIndex((s) => s.step === puzzle.fault);
  if (last < 0) throw new Error(`puzzle ${puzzle.title}: fault "${puzzle.fault}" is not a checklist step`);
  const steps = checklist.slice(0, last + 1).map((s, i) => ({ title: `${i + 1}. ${s.question}`, text: s.look, try: puzzle.tries[s.step] ?? s.try }));
  return [...steps, { title: 'Last hint', text: puzzle.hint, try: [] }];
}
