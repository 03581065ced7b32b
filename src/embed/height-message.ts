/**
 * The messages between an embed page and public/embed.js on the page around it (keep the two in
 * step: embed.js is a plain script and repeats these names).
 */
/** From the embed page: `{ type: heightMessage, height }`, its document's height in CSS pixels. */
export const heightMessage = 'k8s-networking-live:height';
/** From embed.js: "tell me your height" (an iframe that loaded before the script did). */
export const askHeightMessage = 'k8s-networking-live:ask-height';
