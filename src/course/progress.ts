/**
 * The reader's self-check progress, per chapter, in localStorage: which questions they last
 * answered right, and how many questions the chapter's checks hold. Browser code; it never throws
 * (storage may be full, denied in a third-party frame, or hold something another version wrote).
 */

/** The localStorage key, and the event sent on `window` after each change. */
export const progressKey = 'k8s-networking-live:progress';
export const progressEvent = 'k8s-networking-live:progress';

/** One chapter's progress. */
export interface ChapterProgress {
  /** Each answered question, by its prompt: whether the last answer was right. */
  answers: Record<string, boolean>;
  /** How many questions each self-check of the chapter holds, by the check's title. */
  totals: Record<string, number>;
}

export type Progress = Record<string, ChapterProgress>;

/** The chapter a page belongs to: its URL's last folder (`/course/intent/`, `…/intent/index.html` → `intent`). */
export function chapterOfPath(pathname: string): string {
  const parts = pathname.split('/').filter((p) => p && p !== 'index.html');
  return decodeURIComponent(parts.at(-1) ?? '');
}

function isChapterProgress(value: unknown): value is ChapterProgress {
  if (typeof value !== 'object' || value === null) return false;
  const { answers, totals } = value as Partial<ChapterProgress>;
  return (
    typeof answers === 'object' && answers !== null && Object.values(answers).every((v) => typeof v === 'boolean') &&
    typeof totals === 'object' && totals !== null && Object.values(totals).every((v) => Number.isInteger(v) && v >= 0)
  );
}

export function readProgress(): Progress {
  try {
    const data: unknown = JSON.parse(localStorage.getItem(progressKey) ?? '{}');
    if (typeof data !== 'object' || data === null) return {};
    return Object.fromEntries(Object.entries(data).filter(([, v]) => isChapterProgress(v))) as Progress;
  } catch {
    return {};
  }
}

function write(progress: Progress): void {
  try {
    if (Object.keys(progress).length) localStorage.setItem(progressKey, JSON.stringify(progress));
    else localStorage.removeItem(progressKey);
  } catch {
    // Storage refused (a private window's quota, a third-party frame): progress is not kept.
  }
  window.dispatchEvent(new Event(progressEvent));
}

/** Records one answer of a self-check titled `check` with `total` questions, on chapter `chapter`. */
export function recordAnswer(chapter: string, check: string, total: number, prompt: string, right: boolean): void {
  if (!chapter) return;
  const progress = readProgress();
  const entry = progress[chapter] ?? { answers: {}, totals: {} };
  entry.answers[prompt] = right;
  entry.totals[check] = total;
  progress[chapter] = entry;
  write(progress);
}

/** How many questions of a chapter were last answered right, out of how many. */
export function chapterScore(entry: ChapterProgress | undefined): { right: number; total: number } {
  if (!entry) return { right: 0, total: 0 };
  const right = Object.values(entry.answers).filter(Boolean).length;
  const total = Math.max(Object.values(entry.totals).reduce((a, b) => a + b, 0), Object.keys(entry.answers).length);
  return { right, total };
}

/** Forgets every answer. */
export function resetProgress(): void {
  write({});
}
