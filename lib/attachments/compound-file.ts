// A small reader for the OLE compound file (CFB) that holds Word 97–2003 and Kingsoft WPS
// documents: header → FAT (via the DIFAT) → directory → a named stream's sectors (the mini stream
// for small ones). Every sector number and chain is bounds- and loop-checked: a damaged file
// gives AttachmentError('damaged'), never an endless loop or a huge allocation.
import { AttachmentError } from './errors';

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;

export interface CompoundFile {
  /** Stream names in the root storage. */
  readonly names: readonly string[];
  /** The stream's bytes, or null when there is none by that name. */
  stream(name: string): Uint8Array | null;
}

function damaged(why: string): never {
  throw new AttachmentError('damaged', `cfb: ${why}`);
}

export function readCompoundFile(data: Uint8Array): CompoundFile {
  if (data.length < 512) damaged('short header');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const u16 = (o: number) => view.getUint16(o, true);
  const u32 = (o: number) => view.getUint32(o, true);
  const sectorShift = u16(0x1e);
  if (sectorShift !== 9 && sectorShift !== 12) damaged('sector size');
  const sectorSize = 1 << sectorShift;
  const miniShift = u16(0x20);
  const miniSize = 1 << miniShift;
  const miniCutoff = u32(0x38);
  const sectorCount = Math.floor((data.length - sectorSize) / sectorSize) + 1;
  const sectorOffset = (n: number) => {
    if (n >= sectorCount + 1 || n >= 0xfffffffa) damaged(`sector ${n}`);
    return (n + 1) * sectorSize;
  };
  const sector = (n: number) => {
    const at = sectorOffset(n);
    return data.subarray(at, Math.min(at + sectorSize, data.length));
  };

  // The FAT's own sectors: 109 listed in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = u32(0x4c + i * 4);
    if (s !== FREE && s !== END_OF_CHAIN) fatSectors.push(s);
  }
  let difat = u32(0x44);
  let difatLeft = u32(0x48);
  const seenDifat = new Set<number>();
  while (difat !== END_OF_CHAIN && difat !== FREE && difatLeft-- > 0) {
    if (seenDifat.has(difat)) damaged('DIFAT loop');
    seenDifat.add(difat);
    const block = new DataView(data.buffer, data.byteOffset + sectorOffset(difat), sectorSize);
    const per = sectorSize / 4 - 1;
    for (let i = 0; i < per; i++) {
      const s = block.getUint32(i * 4, true);
      if (s !== FREE && s !== END_OF_CHAIN) fatSectors.push(s);
    }
    difat = block.getUint32(per * 4, true);
  }
  const fat = new Uint32Array(fatSectors.length * (sectorSize / 4));
  fatSectors.forEach((s, i) => {
    const at = sectorOffset(s);
    if (at + sectorSize > data.length) damaged('FAT sector past the end');
    for (let j = 0; j < sectorSize / 4; j++) fat[i * (sectorSize / 4) + j] = view.getUint32(at + j * 4, true);
  });

  const chain = (start: number, table: Uint32Array): number[] => {
    const out: number[] = [];
    const seen = new Set<number>();
    for (let s = start; s !== END_OF_CHAIN; s = table[s]!) {
      if (s >= table.length || seen.has(s)) damaged('bad chain');
      seen.add(s);
      out.push(s);
    }
    return out;
  };
  const readChain = (start: number, size: number): Uint8Array => {
    const sectors = chain(start, fat);
    if (sectors.length * sectorSize < size) damaged('stream shorter than its size');
    const out = new Uint8Array(size);
    let at = 0;
    for (const s of sectors) {
      if (at >= size) break;
      const part = sector(s).subarray(0, size - at);
      out.set(part, at);
      at += part.length;
    }
    return out;
  };

  // Directory entries, 128 bytes each.
  const dir = readChain(u32(0x30), chain(u32(0x30), fat).length * sectorSize);
  const dirView = new DataView(dir.buffer, dir.byteOffset, dir.byteLength);
  interface Entry {
    name: string;
    type: number;
    start: number;
    size: number;
  }
  const entries: Entry[] = [];
  for (let at = 0; at + 128 <= dir.length; at += 128) {
    const nameLength = dirView.getUint16(at + 0x40, true);
    let name = '';
    for (let i = 0; i + 2 < Math.min(nameLength, 64); i += 2)
      name += String.fromCharCode(dirView.getUint16(at + i, true));
    entries.push({
      name,
      type: dir[at + 0x42]!,
      start: dirView.getUint32(at + 0x74, true),
      size: dirView.getUint32(at + 0x78, true),
    });
  }
  const root = entries[0];
  if (!root || root.type !== 5) damaged('no root entry');

  let miniFat: Uint32Array | null = null;
  let miniStream: Uint8Array | null = null;
  const mini = () => {
    if (!miniFat) {
      const start = u32(0x3c);
      const count = u32(0x40);
      const bytes = start === END_OF_CHAIN || count === 0 ? new Uint8Array(0) : readChain(start, count * sectorSize);
      miniFat = new Uint32Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.length / 4));
      miniStream = root.size ? readChain(root.start, root.size) : new Uint8Array(0);
    }
    return { table: miniFat, stream: miniStream! };
  };

  return {
    names: entries.filter((e) => e.type === 2).map((e) => e.name),
    stream(name) {
      const entry = entries.find((e) => e.type === 2 && e.name === name);
      if (!entry) return null;
      if (entry.size > data.length * 2 + 4096) damaged('stream larger than the file');
      if (entry.size >= miniCutoff) return readChain(entry.start, entry.size);
      const { table, stream } = mini();
      const out = new Uint8Array(entry.size);
      let at = 0;
      for (const s of chain(entry.start, table)) {
        if (at >= entry.size) break;
        const part = stream
          .subarray(s * miniSize, Math.min((s + 1) * miniSize, stream.length))
          .subarray(0, entry.size - at);
        out.set(part, at);
        at += part.length;
      }
      if (at < entry.size) damaged('mini stream short');
      return out;
    },
  };
}
