/**
 * The Debugging chapter's puzzles as widgets take them: each folder of sim/scenarios/debugging/
 * with a puzzle.yaml, read at build time with the shared checklist. Used by PuzzleWidget.astro in
 * the chapter and by the widget registry (embed pages, share links).
 */
import { scenarioOf, type Scenario } from '../live/scenario';
import { hintsFor, parseChecklist, parsePuzzle, type Hint, type Puzzle } from './puzzle';

const files = import.meta.glob<string>('../../sim/scenarios/debugging/**/*.yaml', { query: '?raw', import: 'default', eager: true });
const folder = '../../sim/scenarios/debugging/';

/** The puzzles' folder names, in alphabetical order. */
export const puzzleNames: string[] = Object.keys(files)
  .map((path) => /^\.\.\/\.\.\/sim\/scenarios\/debugging\/([a-z0-9-]+)\/puzzle\.yaml$/.exec(path)?.[1])
  .filter((name): name is string => name !== undefined)
  .sort();

/** What PuzzleWidget.svelte takes for the puzzle `name`. */
export interface PuzzleProps {
  title: string;
  caption: string;
  scenario: Scenario;
  puzzle: Puzzle;
  hints: Hint[];
}

function read(path: string): string {
  const text = files[folder + path];
  if (text === undefined) throw new Error(`no sim/scenarios/debugging/${path}`);
  return text;
}

export function debuggingPuzzle(name: string, seed = 1): PuzzleProps {
  const puzzle = parsePuzzle(read(`${name}/puzzle.yaml`), name);
  return {
    title: `Puzzle: ${puzzle.title}`,
    caption: 'Find the fault with the Console and the hints, fix it with the editor or a command, and the goal checks itself.',
    scenario: scenarioOf({ manifests: read(`${name}/web.yaml`), source: 'web.yaml', seed, namespace: puzzle.namespace, setup: puzzle.setup, time: puzzle.time }),
    puzzle,
    hints: hintsFor(puzzle, parseChecklist(read('checklist.yaml'))),
  };
}
