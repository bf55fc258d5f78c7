// Reading a CDP CPU profile for bench/profile.mjs: self and total time per function (the content
// script's marked), the busy stretches over 50 ms and what filled them, printed as tables.

/** Self and total time per function from a CDP CPU profile; `isOurs` marks content-script frames. */
export function summarizeProfile(profiles, isOurs) {
  const list = Array.isArray(profiles) ? profiles : [profiles];
  const self = new Map();
  const total = new Map();
  let all = 0;
  for (const profile of list) all += accumulate(profile, self, total);
  const n = list.length;
  const rows = (map) =>
    [...map].map(([key, us]) => ({ key, ms: us / 1000 / n, ours: isOurs(key) })).sort((a, b) => b.ms - a.ms);
  return { allMs: all / 1000 / n, self: rows(self), total: rows(total) };
}

function accumulate(profile, self, total) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const keyOf = (n) => {
    const f = n.callFrame;
    const file = f.url
      ? f.url.replace(/^chrome-extension:\/\/[a-p]+\//, 'ext:').replace(/^https?:\/\/[^/]+\//, '')
      : '';
    return `${f.functionName || '(anonymous)'} ${file}${file ? `:${f.lineNumber + 1}` : ''}`;
  };
  let all = 0;
  for (const [id, us] of selfUs) {
    all += us;
    const node = byId.get(id);
    const key = keyOf(node);
    self.set(key, (self.get(key) ?? 0) + us);
    // Inclusive: each distinct function on the stack once.
    const seen = new Set();
    for (let n = node; n; n = byId.get(parent.get(n.id))) {
      const k = keyOf(n);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + us);
    }
  }
  return all;
}

/**
 * Stretches of main-thread work without an idle sample that last longer than `minMs` (what long
 * tasks and long animation frames are made of), each with the functions that took its time: the
 * outermost content-script frame on each sample's stack, else the native leaf ('(program)' = the
 * browser's own work: style, layout, paint, hit testing; '(garbage collector)').
 */
export function busyStretches(profile, isOurs, minMs = 50) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (id) => {
    let outer = null;
    for (let n = byId.get(id); n; n = byId.get(parent.get(n.id))) {
      const f = n.callFrame;
      const key = `${f.functionName || '(anonymous)'}${f.url ? ` :${f.lineNumber + 1}` : ''}`;
      if (f.url.startsWith('chrome-extension://') && f.url.includes('content-scripts')) outer = key;
    }
    const leaf = byId.get(id)?.callFrame;
    return (
      outer ?? (leaf?.url ? `page/other JS: ${leaf.functionName || '(anonymous)'}` : leaf?.functionName || '(unknown)')
    );
  };
  const stretches = [];
  let current = null;
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const idle = byId.get(id)?.callFrame.functionName === '(idle)';
    if (idle) {
      if (current && current.ms >= minMs) stretches.push(current);
      current = null;
      return;
    }
    current ??= { atMs: (t - profile.startTime) / 1000, ms: 0, parts: new Map() };
    current.ms += dt;
    const key = label(id);
    current.parts.set(key, (current.parts.get(key) ?? 0) + dt);
  });
  if (current && current.ms >= minMs) stretches.push(current);
  return stretches.map((s) => ({ ...s, parts: [...s.parts].sort((a, b) => b[1] - a[1]) }));
}

export function printStretches(stretches, limit = 12) {
  console.log(`\nBusy stretches > 50 ms (no idle sample): ${stretches.length}; the longest, with what filled them:`);
  for (const s of [...stretches].sort((a, b) => b.ms - a.ms).slice(0, limit)) {
    const parts = s.parts
      .slice(0, 5)
      .map(([k, ms]) => `${k} ${ms.toFixed(0)}`)
      .join(', ');
    console.log(`  at ${(s.atMs / 1000).toFixed(2)} s: ${s.ms.toFixed(0)} ms — ${parts}`);
  }
}

export function printSummary(title, summary, top) {
  const ourSelf = summary.self.filter((r) => r.ours).reduce((s, r) => s + r.ms, 0);
  console.log(
    `\n## ${title}: ${summary.allMs.toFixed(0)} ms sampled, ${ourSelf.toFixed(0)} ms self time in content-script code\n`,
  );
  console.log('Top self time (● = content script):');
  for (const r of summary.self.slice(0, top))
    console.log(`  ${r.ms.toFixed(1).padStart(8)} ms  ${r.ours ? '●' : ' '} ${r.key}`);
  console.log('\nContent-script functions by total (inclusive) time:');
  for (const r of summary.total.filter((x) => x.ours).slice(0, top))
    console.log(`  ${r.ms.toFixed(1).padStart(8)} ms  ${r.key}`);
}
