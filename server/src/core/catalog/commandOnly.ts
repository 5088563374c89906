/**
 * PowerShell's common parameters and the risk-mitigation parameters WhatIf and Confirm, each with the
 * aliases about_CommonParameters lists for it (PowerShell 7.4; ProgressAction came with 7.4). PowerShell
 * takes an alias wherever it takes the name.
 */
export const COMMON_PARAMETER_ALIASES: Readonly<Record<string, readonly string[]>> = {
  Debug: ['db'],
  ErrorAction: ['ea'],
  ErrorVariable: ['ev'],
  InformationAction: ['infa'],
  InformationVariable: ['iv'],
  OutBuffer: ['ob'],
  OutVariable: ['ov'],
  PipelineVariable: ['pv'],
  ProgressAction: ['proga'],
  Verbose: ['vb'],
  WarningAction: ['wa'],
  WarningVariable: ['wv'],
  WhatIf: ['wi'],
  Confirm: ['cf'],
};

/** Parameters every cmdlet here has, by name and by alias, and Force: they steer the command, never a setting. */
export const COMMON_PARAMETERS: readonly string[] = [
  ...Object.entries(COMMON_PARAMETER_ALIASES).flatMap(([name, aliases]) => [name, ...aliases]),
  'Force',
];

/** The parameter an alias stands for, matched ignoring letter case; undefined when `key` is no alias. */
export function parameterOfAlias(key: string): string | undefined {
  const lower = key.toLowerCase();
  return Object.keys(COMMON_PARAMETER_ALIASES).find((name) => COMMON_PARAMETER_ALIASES[name].includes(lower));
}
