import { decodeBase64Bytes } from '../../api/base64';

/** One PEM block: `-----BEGIN LABEL-----`, base64 DER, `-----END LABEL-----` (RFC 7468). */
export interface PemBlock {
  label: string;
  der: Uint8Array;
}

/** Every well-formed PEM block in `text`, in order; text around them is ignored, as Go's pem.Decode does. */
export function pemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  const re = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const der = decodeBase64Bytes(m[2]);
    if (der && der.length) blocks.push({ label: m[1], der });
  }
  return blocks;
}
