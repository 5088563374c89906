/** Parameters every cmdlet has (and their documented aliases): they steer the command, never a setting. */
export const COMMON_PARAMETERS: readonly string[] = [
  'Debug',
  'ErrorAction',
  'ErrorVariable',
  'InformationAction',
  'InformationVariable',
  'OutBuffer',
  'OutVariable',
  'PipelineVariable',
  'Verbose',
  'WarningAction',
  'WarningVariable',
  'WhatIf',
  'wi',
  'Confirm',
  'cf',
  'Force',
];
