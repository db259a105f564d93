// Helpers of the node tests. wei(): an amount as the API gives it (a decimal string, up to 18
// decimals) as a BigInt count of 10^-18, to compare and subtract amounts exactly.
export function wei(text) {
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const count = BigInt(whole) * 10n ** 18n + BigInt(fraction.padEnd(18, '0'));
  return negative ? -count : count;
}

export const DAY = 86400;

/** projectEarnings' input for 1,000 units bought at $0.25 on day 200 after a 2025-06-01
 * genesis, WFI at $0.17, monthly periods, beside everyone else's `pool`. */
export function holderAmong(pool) {
  return {
    genesis: '2025-06-01',
    now: 200 * DAY,
    purchases: [{ at: 200 * DAY, units: 1000, unitPrice: '0.25' }],
    pool,
    tokenPrice: '0.17',
    period: 'month',
  };
}
