import zlib from 'node:zlib';
import { GroundworkError } from '../../../shared/contract/errors.js';

/**
 * Reads a zip (a `.qdpx`) in memory, refusing what could hurt: more entries than a project has,
 * an entry bigger than the limit or that inflates far beyond its compressed size (a zip bomb), a
 * path that would escape the folder, encryption, and ZIP64. Inflating is capped by Node's zlib
 * (`maxOutputLength`), so an entry that lies about its size stops at the limit, not at the memory's.
 * Nothing is ever written to disk.
 */

export const zipLimits = {
  entries: 20_000,
  /** Any one entry, inflated. */
  entryBytes: 100 * 1024 * 1024,
  /** All entries read, inflated. */
  totalBytes: 400 * 1024 * 1024,
  /** Inflated size over compressed size, for an entry over 1 MB. Text and XML rarely pass 30. */
  ratio: 200,
};

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  dataStart: number;
}

const refuse = (code: 'exchange.notAProject' | 'exchange.unsafePath' | 'exchange.tooLarge'): never => {
  throw new GroundworkError(code);
};

/** Whether a name inside the zip stays inside it (no `..`, no absolute path, no drive). */
export function isSafeEntryName(name: string): boolean {
  if (name.length === 0 || name.length > 1024 || name.includes('\0')) return false;
  const normalised = name.replace(/\\/g, '/');
  if (normalised.startsWith('/') || /^[A-Za-z]:/.test(normalised)) return false;
  return !normalised.split('/').some((part) => part === '..');
}

export class ZipReader {
  readonly entries = new Map<string, ZipEntry>();
  /** The folder the project is in, when the zip holds it in one (`Project/project.qde`): `Project/`. */
  base = '';
  private readBytes = 0;

  constructor(private readonly bytes: Buffer) {
    const end = this.findEnd();
    const count = bytes.readUInt16LE(end + 10);
    const directorySize = bytes.readUInt32LE(end + 12);
    const directoryOffset = bytes.readUInt32LE(end + 16);
    if (count === 0xffff || directoryOffset === 0xffffffff) refuse('exchange.notAProject');
    if (count > zipLimits.entries) refuse('exchange.tooLarge');
    if (directoryOffset + directorySize > bytes.length) refuse('exchange.notAProject');
    let at = directoryOffset;
    for (let index = 0; index < count; index += 1) {
      if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) refuse('exchange.notAProject');
      const flags = bytes.readUInt16LE(at + 8);
      const method = bytes.readUInt16LE(at + 10);
      const compressedSize = bytes.readUInt32LE(at + 20);
      const size = bytes.readUInt32LE(at + 24);
      const nameLength = bytes.readUInt16LE(at + 28);
      const extraLength = bytes.readUInt16LE(at + 30);
      const commentLength = bytes.readUInt16LE(at + 32);
      const localOffset = bytes.readUInt32LE(at + 42);
      if (at + 46 + nameLength > bytes.length) refuse('exchange.notAProject');
      const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
      // Bit 11: the name is UTF-8; otherwise CP437, which for the ASCII names of a project is the same.
      const name = (flags & 0x800 ? rawName.toString('utf8') : rawName.toString('latin1')).replace(/\\/g, '/');
      at += 46 + nameLength + extraLength + commentLength;
      if (!isSafeEntryName(name)) refuse('exchange.unsafePath');
      if (name.endsWith('/')) continue;
      if (flags & 0x1) refuse('exchange.notAProject');
      if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) refuse('exchange.tooLarge');
      if (size > zipLimits.entryBytes) refuse('exchange.tooLarge');
      if (size > 1024 * 1024 && size / Math.max(compressedSize, 1) > zipLimits.ratio) refuse('exchange.tooLarge');
      if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== 0x04034b50) refuse('exchange.notAProject');
      const dataStart = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
      if (dataStart + compressedSize > bytes.length) refuse('exchange.notAProject');
      if (method !== 0 && method !== 8) refuse('exchange.notAProject');
      this.entries.set(name, { name, method, compressedSize, size, dataStart });
    }
  }

  private findEnd(): number {
    const bytes = this.bytes;
    const earliest = Math.max(0, bytes.length - 22 - 0xffff);
    for (let at = bytes.length - 22; at >= earliest; at -= 1) {
      if (bytes.readUInt32LE(at) === 0x06054b50) return at;
    }
    return refuse('exchange.notAProject');
  }

  /** The entry whose name is `name`, compared without regard to case (`Sources/` or `sources/`). */
  find(name: string): ZipEntry | undefined {
    if (this.base && !name.startsWith(this.base)) return this.find(`${this.base}${name}`) ?? this.findHere(name);
    return this.findHere(name);
  }

  private findHere(name: string): ZipEntry | undefined {
    const exact = this.entries.get(name);
    if (exact) return exact;
    const lower = name.toLowerCase();
    for (const entry of this.entries.values()) if (entry.name.toLowerCase() === lower) return entry;
    return undefined;
  }

  read(entry: ZipEntry): Buffer {
    const compressed = this.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    let data: Buffer;
    if (entry.method === 0) {
      data = Buffer.from(compressed);
    } else {
      try {
        data = zlib.inflateRawSync(compressed, { maxOutputLength: Math.min(entry.size, zipLimits.entryBytes) + 1 });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') refuse('exchange.tooLarge');
        return refuse('exchange.notAProject');
      }
    }
    // An entry that inflates to more than it declared is a lie (and maybe a bomb).
    if (data.length !== entry.size) refuse(data.length > entry.size ? 'exchange.tooLarge' : 'exchange.notAProject');
    this.readBytes += data.length;
    if (this.readBytes > zipLimits.totalBytes) refuse('exchange.tooLarge');
    return data;
  }
}

/** Whether the bytes start like a zip. */
export function looksLikeZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
}
