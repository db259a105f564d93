// An amount as the API gives it (a decimal string, up to 18 decimals) as a BigInt count of
// 10^-18, to compare and subtract amounts exactly in the tests.
export function wei(text) {
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const count = BigInt(whole) * 10n ** 18n + BigInt(fraction.padEnd(18, '0'));
  return negative ? -count : count;
}
