/**
 * Shows the reader's self-check progress wherever a page marks a place for it, and keeps it
 * current (after an answer, a reset, or a change in another tab):
 * - `[data-progress-chapter="intent"]`: "2 of 3 right" for that chapter (the landing page's list);
 * - links to chapters in Starlight's sidebar get the same count, as a small badge;
 * - `[data-progress-summary]`: the course's total; `button[data-progress-reset]` forgets it all.
 */
import { chapterOfPath, chapterScore, progressEvent, progressKey, readProgress, resetProgress } from './progress';

function words(right: number, total: number): string {
  return total ? `${right} of ${total} self-check question${total === 1 ? '' : 's'} right` : '';
}

function render(): void {
  const progress = readProgress();
  for (const el of document.querySelectorAll<HTMLElement>('[data-progress-chapter]')) {
    const { right, total } = chapterScore(progress[el.dataset.progressChapter ?? '']);
    el.textContent = total ? `${right} of ${total} right` : '';
    el.title = words(right, total);
  }
  for (const link of document.querySelectorAll<HTMLAnchorElement>('#starlight__sidebar a[href]')) {
    const { right, total } = chapterScore(progress[chapterOfPath(new URL(link.href).pathname)]);
    let badge = link.querySelector<HTMLElement>('.progress-badge');
    if (!total) {
      badge?.remove();
      continue;
    }
    if (!badge) {
      badge = document.createElement('span');
      badge.className = 'progress-badge';
      link.append(badge);
    }
    badge.textContent = `${right}/${total}`;
    badge.setAttribute('aria-label', words(right, total));
  }
  const scores = Object.values(progress).map(chapterScore);
  const right = scores.reduce((a, s) => a + s.right, 0);
  const total = scores.reduce((a, s) => a + s.total, 0);
  for (const el of document.querySelectorAll<HTMLElement>('[data-progress-summary]')) {
    el.textContent = total ? `Your progress: ${words(right, total)}, in ${scores.length} chapter${scores.length === 1 ? '' : 's'}.` : 'Your progress: no self-check answered yet.';
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-progress-reset]')) button.disabled = !total;
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-progress-reset]')) {
  button.addEventListener('click', () => {
    if (confirm('Forget every self-check answer you gave in this browser?')) resetProgress();
  });
}
window.addEventListener(progressEvent, render);
window.addEventListener('storage', (e) => e.key === progressKey && render());
render();
