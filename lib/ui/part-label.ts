// The short label of a part for one-click jumps: its number as printed (一, 二, 三 …; 第一章 → 一;
// §1 → 1), or its position when the marker is missing or too long to fit a small button.

const DECORATION = /[第章部分节条、，,．.:：()（）\s§]/g;

export function partLabel(marker: string, index: number): string {
  const bare = marker.replace(DECORATION, '');
  return bare.length > 0 && bare.length <= 3 ? bare : String(index + 1);
}

/** The top-level part holding section `id` (ids nest as 'p2', 'p2.1', 'p2.k3'). */
export function partIdOf(parts: readonly { readonly id: string }[], id: string | null): string | null {
  if (id === null) return null;
  return parts.find((part) => id === part.id || id.startsWith(`${part.id}.`))?.id ?? null;
}
