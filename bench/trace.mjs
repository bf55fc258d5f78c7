// Chrome-trace attribution for the benchmark: which main-thread tasks of the page's renderer are
// ours (the extension's script runs in them) and how much of each is our script vs style/layout
// that our script forced. Long tasks and stage marks cannot say this: a `longtask` entry has no
// owner, and a forced layout inside our stage may be the page's own never-done first layout.
//
//   const tracing = await startTrace(cdp); ... const events = await tracing.stop();
//   const tasks = attributeTasks(events, pageUrl);
//
// A task is ours when, inside it, a script event (FunctionCall, EvaluateScript, compile, timer,
// animation frame) names a chrome-extension:// script, or a style/layout event's stack (category
// disabled-by-default-devtools.timeline.stack) starts in one, or one of the reader's own timing
// marks (gongwen-reader:*, blink.user_timing) is taken in it. Microtask continuations of our async
// code carry no url of their own: in a task that is ours by a mark, its microtask run counts as our
// script. A browser rendering step in which one of our animation-frame callbacks ran is ours only
// for that callback: style/layout it did not force is reported apart (otherLayoutMs).

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.stack',
  'v8.execute',
  'toplevel',
  'blink.user_timing',
  '__metadata',
];

const EXT = 'chrome-extension://';
const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
const SCRIPT_NAMES = new Set([
  'FunctionCall',
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'TimerFire',
  'FireAnimationFrame',
  'v8.evaluateModule',
  'RunMicrotasks',
]);
const STYLE_LAYOUT = new Set(['Layout', 'UpdateLayoutTree', 'RecalculateStyles']);
const MARK_PREFIX = 'gongwen-reader:';

/** Starts a trace on `cdp` (a page's CDP session); `stop()` ends it and resolves with all its events. */
export async function startTrace(cdp) {
  const events = [];
  const onData = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { categories: CATEGORIES.join(','), transferMode: 'ReportEvents' });
  return {
    async stop() {
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await done;
      cdp.off('Tracing.dataCollected', onData);
      return events;
    },
  };
}

function urlOf(event) {
  const d = event.args?.data ?? event.args?.beginData ?? {};
  return d.url ?? d.scriptName ?? d.stackTrace?.[0]?.url ?? event.args?.fileName ?? '';
}

function stackUrls(event) {
  const stack = event.args?.beginData?.stackTrace ?? event.args?.data?.stackTrace ?? [];
  return stack.map((f) => f.url ?? '');
}

/** The renderer main thread that parsed `pageUrl` (by its ParseHTML events), as "pid:tid". */
function pageMainThread(events, pageUrl) {
  const counts = new Map();
  for (const e of events) {
    if (e.name === 'ParseHTML' && (e.args?.beginData?.url ?? '').startsWith(pageUrl)) {
      const key = `${e.pid}:${e.tid}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * Top-level tasks of the page's main thread longer than `minMs`, each with:
 * ms, ours (an extension script ran in it), scriptMs (our script events, outermost only, minus
 * the style/layout nested in them), forcedMs (style + layout inside our script or with our stack),
 * otherLayoutMs (style + layout in the task not forced by us: the browser's rendering step, the
 * page's own forcing), and the names of our script's entry points.
 */
export function attributeTasks(events, pageUrl, minMs = 0) {
  const thread = pageMainThread(events, pageUrl);
  if (!thread) return [];
  const mine = events
    .filter(
      (e) =>
        `${e.pid}:${e.tid}` === thread &&
        ((e.ph === 'X' && typeof e.dur === 'number') || e.name?.startsWith(MARK_PREFIX)),
    )
    .map((e) => (typeof e.dur === 'number' ? e : { ...e, dur: 0 }))
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const tasks = mine.filter((e) => TASK_NAMES.has(e.name));
  // Outermost tasks only (nested run loops show tasks inside tasks).
  const top = [];
  for (const t of tasks) {
    const last = top[top.length - 1];
    if (last && t.ts < last.ts + last.dur) continue;
    top.push(t);
  }
  const result = [];
  let cursor = 0;
  for (const task of top) {
    const end = task.ts + task.dur;
    while (cursor < mine.length && mine[cursor].ts < task.ts) cursor++;
    const inside = [];
    for (let i = cursor; i < mine.length && mine[i].ts < end; i++) inside.push(mine[i]);
    if (task.dur / 1000 < minMs) continue;
    const marked = inside.some((e) => e.name.startsWith(MARK_PREFIX));
    const byUrl = inside.filter((e) => SCRIPT_NAMES.has(e.name) && urlOf(e).startsWith(EXT));
    const ourScripts = byUrl.length > 0 || !marked ? byUrl : inside.filter((e) => e.name === 'RunMicrotasks');
    const layouts = inside.filter((e) => STYLE_LAYOUT.has(e.name));
    const within = (e, spans) => spans.some((s) => e.ts >= s.ts && e.ts + e.dur <= s.ts + s.dur);
    // Style/layout our script forced: inside one of our script events, or with our script on its stack.
    const forced = layouts.filter((e) => within(e, ourScripts) || stackUrls(e).some((u) => u.startsWith(EXT)));
    const outerOurs = ourScripts.filter(
      (e) =>
        !within(
          e,
          ourScripts.filter(
            (o) =>
              o !== e &&
              o.dur >= e.dur &&
              !(o.ts === e.ts && o.dur === e.dur && ourScripts.indexOf(o) > ourScripts.indexOf(e)),
          ),
        ),
    );
    const outerLayout = (list) =>
      list.filter(
        (e) =>
          !within(
            e,
            list.filter((o) => o !== e && o.dur > e.dur),
          ),
      );
    const forcedMs = outerLayout(forced).reduce((s, e) => s + e.dur, 0) / 1000;
    const otherLayoutMs = outerLayout(layouts.filter((e) => !forced.includes(e))).reduce((s, e) => s + e.dur, 0) / 1000;
    const ourScriptMs = outerOurs.reduce((s, e) => s + e.dur, 0) / 1000;
    const forcedInScripts =
      outerLayout(forced.filter((e) => within(e, outerOurs))).reduce((s, e) => s + e.dur, 0) / 1000;
    const ours = ourScripts.length > 0 || forced.length > 0 || marked;
    result.push({
      atMs: task.ts / 1000,
      ms: task.dur / 1000,
      ours,
      scriptMs: Math.max(0, ourScriptMs - forcedInScripts),
      forcedMs,
      otherLayoutMs,
      entries: [
        ...new Set(
          outerOurs.map((e) => `${e.name}${e.args?.data?.functionName ? ` ${e.args.data.functionName}` : ''}`),
        ),
      ].slice(0, 4),
    });
  }
  return result;
}

/**
 * The task of ours in `tasks` (attributeTasks) with the most of our own work in it (our script +
 * style/layout we forced), or null; a rendering step that merely ran one of our short callbacks
 * does not win by the page's own layout.
 */
export function longestOurs(tasks) {
  const share = (t) => t.scriptMs + t.forcedMs;
  return tasks.filter((t) => t.ours).reduce((best, t) => (!best || share(t) > share(best) ? t : best), null);
}
