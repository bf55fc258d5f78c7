// The reader's settings as the policy makes them: IT's defaults stand in for settings the reader
// never saved, and locked settings always take IT's value, whatever is stored.
import type { Settings } from '../storage/schema';
import type { ManagedConfig } from './validate';

/** `locks: false` gives what the writer stores: IT's defaults, but not the locks (they live in the policy). */
export function applyPolicy(settings: Settings, config: ManagedConfig, neverSaved: boolean, locks = true): Settings {
  if (!config.present) return settings;
  const out: Record<string, unknown> = { ...settings };
  if (neverSaved)
    for (const key of Object.keys(config.defaults)) out[key] = config.defaults[key as keyof typeof config.defaults];
  if (locks) for (const key of config.locked) out[key] = config.defaults[key];
  return out as unknown as Settings;
}
