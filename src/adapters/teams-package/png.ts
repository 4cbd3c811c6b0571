// Reads a PNG's pixel size from its IHDR chunk, so the package can reject icons Teams would refuse.
// Only the header is read: checking the size needs no image decoder.

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export interface PngSize {
  width: number;
  height: number;
}

/** The width and height of a PNG, or undefined when the bytes are not a PNG (bad signature or no IHDR first). */
export function readPngSize(bytes: Uint8Array): PngSize | undefined {
  // signature (8) + chunk length (4) + chunk type (4) + width (4) + height (4)
  if (bytes.length < 24) return undefined;
  if (!SIGNATURE.every((b, i) => bytes[i] === b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = String.fromCharCode(bytes[12] ?? 0, bytes[13] ?? 0, bytes[14] ?? 0, bytes[15] ?? 0);
  // The PNG spec requires IHDR as the first chunk, with a 13-byte body.
  if (type !== 'IHDR' || view.getUint32(8) !== 13) return undefined;
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width === 0 || height === 0) return undefined;
  return { width, height };
}
