import { CHARACTERS_PER_MB, DEFAULT_SERVER_VERSION, RULES_BY_CODE, SERVER_VERSIONS, SEVERITIES, type AnalysisSettings, type ServerVersion, type SeveritySetting } from '../core';

/** The `lyncTopology.*` settings the server reads. */
export interface ServerSettings {
  readonly validate: boolean;
  readonly analysis: AnalysisSettings;
  /** At most this many outline symbols, and as many folding ranges, for one document (`lyncTopology.maxItemsComputed`). */
  readonly maxItemsComputed: number;
}

export const DEFAULT_MAX_FILE_SIZE_MB = 20;
/** The default of VS Code's own `json.maxItemsComputed`, which its JSON server applies to symbols and folding ranges. */
export const DEFAULT_MAX_ITEMS_COMPUTED = 5000;

export const DEFAULT_SETTINGS: ServerSettings = {
  validate: true,
  analysis: { defaultServerVersion: DEFAULT_SERVER_VERSION, maxLength: DEFAULT_MAX_FILE_SIZE_MB * CHARACTERS_PER_MB },
  maxItemsComputed: DEFAULT_MAX_ITEMS_COMPUTED,
};

/** Whether a value can be the `lyncTopology` settings section: a JSON object. */
export function isSection(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the settings section as the client sends it, keeping only what is well-formed. */
export function readSettings(section: unknown): ServerSettings {
  const raw = isSection(section) ? section : {};
  const severity: Record<string, SeveritySetting> = {};
  if (raw.severity && typeof raw.severity === 'object') {
    for (const [code, level] of Object.entries(raw.severity as Record<string, unknown>)) {
      const upper = code.toUpperCase();
      if (RULES_BY_CODE.has(upper) && (level === 'off' || (SEVERITIES as readonly unknown[]).includes(level))) severity[upper] = level as SeveritySetting;
    }
  }
  const version = (SERVER_VERSIONS as readonly unknown[]).includes(raw.serverVersion) ? (raw.serverVersion as ServerVersion) : DEFAULT_SERVER_VERSION;
  const megabytes = typeof raw.maxFileSizeMB === 'number' && raw.maxFileSizeMB > 0 ? raw.maxFileSizeMB : DEFAULT_MAX_FILE_SIZE_MB;
  const items = typeof raw.maxItemsComputed === 'number' && raw.maxItemsComputed >= 1 ? Math.trunc(raw.maxItemsComputed) : DEFAULT_MAX_ITEMS_COMPUTED;
  return {
    validate: raw.validate !== false,
    analysis: { severity, defaultServerVersion: version, maxLength: Math.round(megabytes * CHARACTERS_PER_MB) },
    maxItemsComputed: items,
  };
}
