/** RabbitMQ splits keys on every dot, so '' has no words and 'a..b' has an empty middle word. */
function words(key: string): string[] {
  return key === '' ? [] : key.split('.');
}

/**
 * Topic exchange matching (rabbit_exchange_type_topic): `*` matches exactly one word, `#` zero or
 * more words, anything else one word literally. A `*` or `#` inside a longer word is literal.
 */
export function matchTopic(pattern: string, routingKey: string): boolean {
  const p = words(pattern);
  const k = words(routingKey);
  // matched[j]: the pattern words seen so far match the first j key words (dynamic programming,
  // so patterns full of '#' stay linear in the key instead of backtracking).
  let matched: boolean[] = Array.from({ length: k.length + 1 }, (_, j) => j === 0);
  for (const word of p) {
    const next: boolean[] = new Array<boolean>(k.length + 1).fill(false);
    for (let j = 0; j <= k.length; j++) {
      if (word === '#') next[j] = matched[j] === true || (j > 0 && next[j - 1] === true);
      else if (j > 0 && matched[j - 1] === true) next[j] = word === '*' || word === k[j - 1];
    }
    matched = next;
  }
  return matched[k.length] === true;
}
