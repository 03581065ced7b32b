/**
 * Base64 as the API carries a Secret's data (Go's encoding/base64 StdEncoding): UTF-8 text in,
 * padded base64 out, and back. Works the same in Node and in the browser.
 */
export function encodeBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** The bytes of base64 `data` as text (UTF-8), or undefined when it is not valid base64. */
export function decodeBase64(data: string): string | undefined {
  const bytes = decodeBase64Bytes(data);
  return bytes && new TextDecoder().decode(bytes);
}

export function decodeBase64Bytes(data: string): Uint8Array | undefined {
  try {
    const binary = atob(data.replace(/\s/g, ''));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** How many bytes base64 text stands for (kubectl describe prints `tls.crt:  1164 bytes`). */
export function decodedBase64Length(data: string): number {
  const clean = data.replace(/\s/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - padding;
}
