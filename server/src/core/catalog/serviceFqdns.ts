/** A fixed FQDN of a Microsoft service, as the documentation gives it. */
export interface ServiceFqdn {
  readonly value: string;
  readonly description: string;
}

/**
 * The documented FQDNs of the services a Lync deployment federates with: Exchange Online's hosted UM
 * (Lync Server 2013 topic on integration with Exchange Online; New-CsHostingProvider's ProxyFqdn),
 * the same service operated by 21Vianet, and Skype for Business Online's federation edge (the hybrid
 * hosting provider of the Skype for Business Server documentation).
 */
export const SERVICE_FQDNS: readonly ServiceFqdn[] = [
  { value: 'exap.um.outlook.com', description: 'Exchange Online (hosted Exchange UM).' },
  { value: 'exap.um.partner.outlook.cn', description: 'Office 365 operated by 21Vianet (hosted Exchange UM).' },
  { value: 'sipfed.online.lync.com', description: 'Skype for Business Online (a split domain with Skype for Business Online).' },
];
