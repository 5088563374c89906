/** The Exchange UM deployment modes. Free of imports: the VS Code client offers them through the protocol. */
export const EXCHANGE_UM_MODES = ['OnPremises', 'CrossPremises', 'Mixed'] as const;
export type ExchangeUmMode = (typeof EXCHANGE_UM_MODES)[number];
