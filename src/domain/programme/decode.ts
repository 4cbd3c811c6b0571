// From the bytes of a programme file to its text: the character encoding as YAML 1.2 detects it, and line endings
// read alike. Pure: bytes in, text or a refusal out.
//
// YAML 1.2 §5.2 (https://yaml.org/spec/1.2.2/#52-character-encodings): a processor must read UTF-8 and UTF-16 and
// detects the encoding from a byte order mark or, without one, from where the first character's zero bytes are.
// UTF-32 is refused with its name (TextDecoder cannot read it, and no editor saves a programme file that way).
// Line breaks (§5.4): CR LF, a lone CR (old Mac) and LF are each one line break; the text is given with LF only,
// so a line number counts the same in all three and a column is unchanged.
import type { MessageKey, Params } from '../i18n.ts';

/** The encodings a programme file is read in (YAML 1.2 §5.2). */
type TextEncodingName = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE';

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName }
  | { ok: false; key: MessageKey; params: Params; line: number; col: number };

/** Characters YAML 1.2 §5.1 does not allow in a file: C0 controls but TAB, LF and CR; DEL; C1 controls but NEL. */
// eslint-disable-next-line no-control-regex
const NON_PRINTABLE = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/;

/** The encoding of `bytes` by YAML 1.2's table (BOM first, then the zero-byte pattern), or UTF-32 to refuse. */
function detect(b: Uint8Array): { encoding: TextEncodingName | 'UTF-32'; bom: number } {
  const [b0, b1, b2, b3] = [b[0], b[1], b[2], b[3]];
  if (b0 === 0x00 && b1 === 0x00 && ((b2 === 0xfe && b3 === 0xff) || (b2 === 0x00 && b3 !== undefined)))
    return { encoding: 'UTF-32', bom: 0 };
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return { encoding: 'UTF-32', bom: 0 };
  if (b0 !== undefined && b0 !== 0x00 && b1 === 0x00 && b2 === 0x00 && b3 === 0x00)
    return { encoding: 'UTF-32', bom: 0 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'UTF-16BE', bom: 2 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'UTF-16LE', bom: 2 };
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'UTF-8', bom: 3 };
  if (b0 === 0x00 && b1 !== undefined && b1 !== 0x00) return { encoding: 'UTF-16BE', bom: 0 };
  if (b0 !== undefined && b0 !== 0x00 && b1 === 0x00) return { encoding: 'UTF-16LE', bom: 0 };
  return { encoding: 'UTF-8', bom: 0 };
}

/** `bytes` with each pair of bytes swapped (UTF-16BE to UTF-16LE); an odd last byte stays (and fails to decode). */
function swapPairs(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1] as number;
    out[i + 1] = bytes[i] as number;
  }
  if (bytes.length % 2 === 1) out[bytes.length - 1] = bytes[bytes.length - 1] as number;
  return out;
}

/**
 * The text of a programme file: UTF-8 (with or without BOM) or UTF-16 (LE/BE, with or without BOM), line breaks
 * as LF. Refuses, with the line and column where it can: UTF-32 (`file.encoding`); bytes that are not valid text in
 * the detected encoding or text with a NUL character (`file.binary`, `file.invalidText`); a control character
 * (`file.controlChar`). Never throws.
 */
export function decodeProgrammeText(bytes: Uint8Array): DecodeResult {
  const { encoding, bom } = detect(bytes);
  const refuse = (key: MessageKey, params: Params = {}, line = 1, col = 1): DecodeResult => ({
    ok: false,
    key,
    params,
    line,
    col,
  });
  if (encoding === 'UTF-32') return refuse('file.encoding', { encoding });
  const body = bytes.subarray(bom);
  let text: string;
  try {
    const decoder = new TextDecoder(encoding === 'UTF-8' ? 'utf-8' : 'utf-16le', { fatal: true, ignoreBOM: true });
    text = decoder.decode(encoding === 'UTF-16BE' ? swapPairs(body) : body);
  } catch {
    return encoding === 'UTF-8' ? refuse('file.binary') : refuse('file.invalidText', { encoding });
  }
  if (text.includes('\u0000')) return refuse('file.binary');
  text = text.replace(/\r\n?/g, '\n');
  // Control characters are not printable YAML (§5.1) and would reach Teams' names unseen: refused where they are.
  const control = NON_PRINTABLE.exec(text);
  if (control) {
    const { line, col } = lineColumn(text)(control.index);
    const code = `U+${(control[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    return refuse('file.controlChar', { code }, line, col);
  }
  return { ok: true, text, encoding };
}

/**
 * Line and column (both from 1; the column in UTF-16 code units, as the text is indexed) of an offset in `text`,
 * which has LF line ends only. Counted from the text itself: yaml's LineCounter only sees the line breaks its lexer
 * reports, and missed some in broken input (a position past the end of its line). An offset past the end is placed
 * just after the last character.
 */
export function lineColumn(text: string): (offset: number) => { line: number; col: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    const at = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: at - (starts[lo] as number) + 1 };
  };
}
