/**
 * The embed page's own script: says inside the frame what in its URL it could not use, and keeps
 * the page around it told of its height. The widget itself reads `?share=` (LiveHandle).
 */
import { askHeightMessage, heightMessage } from './height-message';

/** The query parameters an embed page understands. */
const known = new Set(['theme', 'share']);
const themes = new Set(['light', 'dark', 'auto']);

/** What is wrong with an embed page's query, in words; empty when nothing is. */
export function queryProblems(params: URLSearchParams): string[] {
  const problems: string[] = [];
  const unknown = [...new Set(params.keys())].filter((k) => !known.has(k));
  if (unknown.length) {
    const names = unknown.slice(0, 5).map((k) => `"${k.slice(0, 40)}"`).join(', ');
    problems.push(`This embed does not understand the parameter${unknown.length > 1 ? 's' : ''} ${names}${unknown.length > 5 ? ', …' : ''}; it takes only theme and share.`);
  }
  const theme = params.get('theme');
  if (theme !== null && !themes.has(theme)) problems.push(`The theme "${theme.slice(0, 40)}" is not one of light, dark or auto; the reader's preference is used.`);
  for (const key of known) {
    if (params.getAll(key).length > 1) problems.push(`The parameter ${key} is given more than once; the first is used.`);
  }
  return problems;
}

export function startEmbedPage(): void {
  const problems = queryProblems(new URLSearchParams(location.search));
  const notice = document.querySelector<HTMLElement>('.embed-notice');
  if (notice && problems.length) {
    notice.textContent = problems.join(' ');
    notice.hidden = false;
  }
  if (window.parent === window) return;
  let last = 0;
  const post = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) window.parent.postMessage({ type: heightMessage, height }, '*');
    last = height;
  };
  new ResizeObserver(post).observe(document.documentElement);
  addEventListener('message', (event) => {
    if (event.source === window.parent && event.data?.type === askHeightMessage) {
      last = 0;
      post();
    }
  });
}
