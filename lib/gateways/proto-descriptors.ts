/**
 * Just enough protobuf decoding to list the gRPC methods of a `FileDescriptorSet` (what Gloo's gRPC-JSON
 * transcoder Upstreams carry, base64-encoded): FileDescriptorSet.file (1) → FileDescriptorProto.package (2)
 * and .service (6) → ServiceDescriptorProto.name (1) and .method (2) → MethodDescriptorProto.name (1).
 * Malformed input yields what was read so far; nothing here throws.
 */

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64_INDEX = new Map([...B64].map((c, i) => [c, i] as const));

/** Decodes standard or URL-safe base64 (padding optional); null when the text is not base64. */
export function decodeBase64(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, "").replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of clean) {
    const v = B64_INDEX.get(ch);
    if (v === undefined) return null;
    buffer = ((buffer << 6) | v) & 0xffff; // at most 13 pending bits matter
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

interface Field {
  no: number;
  bytes?: Uint8Array;
}

/** Reads the top-level fields of a message; stops at the first malformed field. */
function fields(buf: Uint8Array): Field[] {
  const out: Field[] = [];
  let pos = 0;
  const varint = (): number | null => {
    let result = 0;
    let shift = 0;
    while (pos < buf.length && shift < 35) {
      const b = buf[pos++] ?? 0;
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
      shift += 7;
    }
    return null;
  };
  while (pos < buf.length) {
    const key = varint();
    if (key === null) break;
    const no = Math.floor(key / 8);
    const wire = key % 8;
    if (wire === 0) {
      if (varint() === null) break;
      out.push({ no });
    } else if (wire === 2) {
      const len = varint();
      if (len === null || pos + len > buf.length) break;
      out.push({ no, bytes: buf.subarray(pos, pos + len) });
      pos += len;
    } else if (wire === 1 || wire === 5) {
      pos += wire === 1 ? 8 : 4;
      out.push({ no });
    } else break;
  }
  return out;
}

function text(bytes: Uint8Array | undefined): string {
  if (!bytes) return "";
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/** The fully qualified services and their methods in a serialized FileDescriptorSet. */
export function descriptorMethods(set: Uint8Array): { service: string; method: string }[] {
  const out: { service: string; method: string }[] = [];
  for (const file of fields(set).filter((f) => f.no === 1 && f.bytes)) {
    const parts = fields(file.bytes as Uint8Array);
    const pkg = text(parts.find((f) => f.no === 2)?.bytes);
    for (const svc of parts.filter((f) => f.no === 6 && f.bytes)) {
      const sparts = fields(svc.bytes as Uint8Array);
      const name = text(sparts.find((f) => f.no === 1)?.bytes);
      const service = pkg ? `${pkg}.${name}` : name;
      for (const m of sparts.filter((f) => f.no === 2 && f.bytes)) out.push({ service, method: text(fields(m.bytes as Uint8Array).find((f) => f.no === 1)?.bytes) });
    }
  }
  return out;
}
