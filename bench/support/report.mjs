// Small shared helpers for turning interleaved rounds into the ratio lines `pnpm bench` prints.

export function median(values) {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The median of per-round ratios: each round's subjects ran back to back, so they shared its noise. */
export function medianRatio(subject, baseline, field) {
  return median(subject.map((round, index) => round[field] / baseline[index][field]));
}

export const times = (value) => `${value.toFixed(2)}×`;

/** "met" or "NOT met" for a target such as ≥ 0.85 or ≤ 1.3. */
export function verdict(value, comparison, target) {
  const met = comparison === '>=' ? value >= target : value <= target;
  return `${met ? 'met' : 'NOT met'}: target ${comparison === '>=' ? '≥' : '≤'} ${target}×`;
}

/** Runs each subject once per round, alternating the order so neither always goes first. */
export async function interleave(rounds, subjects, measure) {
  const results = Object.fromEntries(subjects.map((subject) => [subject.name, []]));
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? subjects : [...subjects].reverse();
    for (const subject of order) results[subject.name].push(await measure(subject));
  }
  return results;
}
